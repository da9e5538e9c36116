// Integration, e2e and deploy tests start real services and processes: give them time, but not forever.
jest.setTimeout(120_000);
