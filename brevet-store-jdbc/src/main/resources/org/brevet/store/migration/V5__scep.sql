-- Brevet CA schema, version 5: SCEP (RFC 8894). Same portable subset as V1 (H2 2.x and PostgreSQL 12+).

-- One-time challenge passwords an agent created. Only the SHA-256 of the password is kept (the passwords
-- are 128-bit random strings, so a plain digest is enough); used_at is set by the one enrollment that
-- consumes it.
CREATE TABLE scep_passwords (
    password_hash VARCHAR(64)              NOT NULL,
    subject       VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(255),
    used_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT scep_passwords_pk PRIMARY KEY (password_hash)
);

-- The request a SCEP transactionID stands for, so that CertPoll (GetCertInitial) finds it.
CREATE TABLE scep_transactions (
    transaction_id VARCHAR(255)             NOT NULL,
    request_id     BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT scep_transactions_pk PRIMARY KEY (transaction_id)
);
