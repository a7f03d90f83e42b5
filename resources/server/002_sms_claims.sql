-- Server schema version 2: the exactly-once guard for SMS across consoles (PRODUCT §4). Every sender claims a
-- message here before POSTing it; a lease lets another console take over from one that crashed, and a sent
-- message is never claimed again (see core/notify/MessageClaims.h for the contract).
CREATE TABLE hotline_sms_claims (
    message_id     text PRIMARY KEY,
    holder         text NOT NULL,
    lease_until_ms bigint NOT NULL,
    sent_ms        bigint
);
