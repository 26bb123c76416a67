-- Brevet CA schema, version 2: revocation details, holds released (for delta CRLs), CRL numbers and the
-- latest CRLs of each issuing point. Same portable subset as V1 (H2 2.x and PostgreSQL 12+).

-- certificate_status.reason holds the RFC 5280 name ("keyCompromise", "certificateHold", ...).
ALTER TABLE certificate_status ADD COLUMN invalidity_date TIMESTAMP WITH TIME ZONE;
ALTER TABLE certificate_status ADD COLUMN revocation_comment VARCHAR;
-- delta CRLs read the revocations made since their base CRL
CREATE INDEX certificate_status_revoked_at ON certificate_status (revoked_at);

-- A certificate taken off hold: its revocation row is deleted and remembered here, so that a delta CRL
-- can list it as removeFromCRL.
CREATE TABLE hold_releases (
    serial      VARCHAR(40)              NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_by  VARCHAR(255),
    CONSTRAINT hold_releases_pk PRIMARY KEY (serial, released_at)
);
CREATE INDEX hold_releases_released_at ON hold_releases (released_at);
ALTER TABLE hold_releases ADD CONSTRAINT hold_releases_serial_fk FOREIGN KEY (serial) REFERENCES certificates (serial);

-- The next CRL number of each issuing point (full and delta CRLs share the sequence). Taken under the
-- row lock, so numbers never repeat or go backwards, whichever node generates.
CREATE TABLE crl_numbers (
    issuing_point VARCHAR(64) NOT NULL,
    next_number   BIGINT      NOT NULL,
    CONSTRAINT crl_numbers_pk PRIMARY KEY (issuing_point)
);

-- The latest CRL of each kind (FULL, DELTA) per issuing point; its DER is in crl_chunks.
CREATE TABLE crls (
    issuing_point VARCHAR(64)              NOT NULL,
    kind          VARCHAR(8)               NOT NULL,
    crl_number    BIGINT                   NOT NULL,
    base_number   BIGINT,
    this_update   TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update   TIMESTAMP WITH TIME ZONE NOT NULL,
    entries       BIGINT                   NOT NULL,
    length        BIGINT                   NOT NULL,
    CONSTRAINT crls_pk PRIMARY KEY (issuing_point, kind)
);

-- CRL bytes in chunks of at most 512 KiB (H2 caps a binary value at 1 MB; a CRL of a million entries is
-- over 40 MB). The chunks of the previous CRL stay until the next one replaces it, so a download that
-- read the metadata just before a replacement still finds its bytes.
CREATE TABLE crl_chunks (
    issuing_point VARCHAR(64) NOT NULL,
    kind          VARCHAR(8)  NOT NULL,
    crl_number    BIGINT      NOT NULL,
    seq           INTEGER     NOT NULL,
    data          BYTEA       NOT NULL,
    CONSTRAINT crl_chunks_pk PRIMARY KEY (issuing_point, kind, crl_number, seq)
);
