// Secrets planted in every generated page: capture must mask all of them before anything reaches the model.
import { seededRandom } from './prng';

export interface PlantedSecrets {
  githubToken: string;
  openaiKey: string;
  awsKeyId: string;
  jwt: string;
  /** The password inside `passwordUrl`. */
  password: string;
  passwordUrl: string;
}

const upperDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const base64Url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function plantSecrets(seed: number): PlantedSecrets {
  const random = seededRandom(seed);
  // A digit and a capital in every key, as real keys have (and as the redaction rules expect).
  const openaiBody = `${random.string(20)}7Q${random.string(26)}`;
  const password = `Pw${random.string(14)}9x`;
  const jwtPart = (length: number) => random.string(length, base64Url).replace(/^[-_]/, 'a');
  return {
    githubToken: `ghp_${random.string(36)}`,
    openaiKey: `sk-proj-${openaiBody}`,
    awsKeyId: `AKIA${random.string(16, upperDigits)}`,
    jwt: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${jwtPart(40)}.${jwtPart(43)}`,
    password,
    passwordUrl: `https://deploy:${password}@db.internal.example/widgets`,
  };
}

/**
 * What must never appear in a request to the model: each secret whole, and its random body alone (so a
 * leak with the prefix cut off, or re-encoded around it, is still caught).
 */
export function secretNeedles(secrets: PlantedSecrets): { name: string; needle: string }[] {
  return [
    { name: 'github-token', needle: secrets.githubToken },
    { name: 'github-token body', needle: secrets.githubToken.slice(4) },
    { name: 'openai-key', needle: secrets.openaiKey },
    { name: 'openai-key body', needle: secrets.openaiKey.slice(8) },
    { name: 'aws-key-id', needle: secrets.awsKeyId },
    { name: 'aws-key-id body', needle: secrets.awsKeyId.slice(4) },
    { name: 'jwt', needle: secrets.jwt },
    { name: 'jwt signature', needle: secrets.jwt.split('.')[2] ?? secrets.jwt },
    { name: 'password', needle: secrets.password },
  ];
}
