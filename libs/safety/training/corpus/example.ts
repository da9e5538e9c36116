/** One training text with its labels, one per model head, and the family that produced it. */
export interface Example {
  text: string;
  injection: 0 | 1;
  jailbreak: 0 | 1;
  harmful: 0 | 1;
  family: string;
}
