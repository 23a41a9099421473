-- Encryption at rest of dataset groups created with a kmsKeyArn (ADR 12): the group's AES-256 data
-- key, encrypted under that KMS key (a KMS ciphertext blob, base64). Its plaintext is never stored.
ALTER TABLE dataset_group ADD COLUMN data_key VARCHAR(512);
