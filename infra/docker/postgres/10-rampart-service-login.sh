#!/bin/sh
# docker-compose only: the official postgres image runs this once, when it initialises an empty volume.
# Services log in as a user that is a member of the NOLOGIN group role rampart_service; the migrations
# (run as the owner, POSTGRES_USER) grant that role its privileges. Creating the role here first is safe:
# the migration only creates it when it is missing.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v service_user="$RAMPART_SERVICE_DB_USER" -v service_password="$RAMPART_SERVICE_DB_PASSWORD" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rampart_service') THEN
    CREATE ROLE rampart_service NOLOGIN;
  END IF;
END
$$;
CREATE ROLE :"service_user" LOGIN PASSWORD :'service_password' IN ROLE rampart_service;
SQL
