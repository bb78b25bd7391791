-- Webhooks (README "Webhooks"): an administrator subscribes a URL to some of the event types this service publishes;
-- each matching event gets a delivery row in the same transaction as the event itself (so nothing is lost and nothing
-- is sent for a change that rolled back), which the dispatcher sends, retries with backoff and finally gives up on.

CREATE TABLE webhook_subscription
(
  id          UUID PRIMARY KEY,
  url         TEXT NOT NULL,
  event_types TEXT[] NOT NULL,
  secret      TEXT NOT NULL,                 -- whsec_<base64>: the HMAC key (it must be readable to sign with)
  active      BOOLEAN NOT NULL DEFAULT TRUE,
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  deactivated_by TEXT,
  deactivated_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_subscription_active_idx ON webhook_subscription USING GIN (event_types) WHERE active;

CREATE TABLE webhook_delivery
(
  id               UUID PRIMARY KEY,          -- also the webhook-id header: the same on every retry and replay
  subscription_id  UUID NOT NULL REFERENCES webhook_subscription (id),
  event_id         UUID NOT NULL,
  event_type       TEXT NOT NULL,
  subject          TEXT NOT NULL,
  occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  payload          TEXT NOT NULL,             -- the event's data as published (JSON), sent byte for byte
  status           TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts         INT NOT NULL DEFAULT 0,    -- since it was last made pending (created or replayed)
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  pending_since    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_attempt_at  TIMESTAMP WITH TIME ZONE,
  last_status_code INT,
  last_error       TEXT,
  delivered_at     TIMESTAMP WITH TIME ZONE,
  replays          INT NOT NULL DEFAULT 0,
  last_replayed_by TEXT,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at DESC);
