-- Brevet schema, version 4: the KRA (key archival and recovery). Same portable subset as V1.

-- Archived keys (Dogtag keyRecord). wrapped_key is the storage envelope: a CRMF EncryptedValue holding the
-- PKCS#8 wrapped with AES-256 key wrap with padding under a session key wrapped with RSA-OAEP to the storage
-- key. One key per certificate request. request_id has no foreign key: the key is archived before the
-- request row of its enrollment is written.
CREATE TABLE archived_keys (
    id           BIGINT                   NOT NULL,
    request_id   BIGINT                   NOT NULL,
    owner        VARCHAR                  NOT NULL,
    owner_lower  VARCHAR                  NOT NULL,
    public_key   BYTEA                    NOT NULL,
    algorithm    VARCHAR(16)              NOT NULL,
    key_size     INTEGER                  NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    wrapped_key  BYTEA                    NOT NULL,
    archived_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_by  VARCHAR(255)             NOT NULL,
    CONSTRAINT archived_keys_pk PRIMARY KEY (id),
    CONSTRAINT archived_keys_request_uk UNIQUE (request_id)
);
CREATE INDEX archived_keys_archived_at ON archived_keys (archived_at, id);

-- Recovery requests (Dogtag KeyRecoveryRequest, asynchronous recovery).
CREATE TABLE key_recovery_requests (
    id                 BIGINT                   NOT NULL,
    key_id             BIGINT                   NOT NULL,
    requester          VARCHAR(255)             NOT NULL,
    status             VARCHAR(16)              NOT NULL,
    required_approvals INTEGER                  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT key_recovery_requests_pk PRIMARY KEY (id),
    CONSTRAINT key_recovery_requests_key_fk FOREIGN KEY (key_id) REFERENCES archived_keys (id)
);
CREATE INDEX key_recovery_requests_created ON key_recovery_requests (created_at, id);

-- One row per approving agent: the primary key is the rule "an agent approves a request once".
CREATE TABLE key_recovery_approvals (
    request_id  BIGINT                   NOT NULL,
    agent       VARCHAR(255)             NOT NULL,
    approved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT key_recovery_approvals_pk PRIMARY KEY (request_id, agent),
    CONSTRAINT key_recovery_approvals_request_fk FOREIGN KEY (request_id) REFERENCES key_recovery_requests (id)
);

-- The KRA's certificates by nickname (transportCert, storageCert): the CA reads the transport certificate
-- from here, so no connector setting has to be copied by hand.
CREATE TABLE kra_certificates (
    nickname   VARCHAR(64)              NOT NULL,
    der        BYTEA                    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kra_certificates_pk PRIMARY KEY (nickname)
);
