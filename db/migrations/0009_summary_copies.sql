-- The leadership summary reads one period of history. So that this costs what the period holds, not what
-- the whole history holds, the rows it counts carry `summary_at`: the start of their safari, or null where
-- the summary must not count them. The summary then reads one stretch of one index per figure (0008).
-- These triggers keep the copies; the app never writes them. Every write recomputes its row's copy from
-- the row it comes from, and a change there touches the copies below it ("SET x = x" runs their triggers).
--
--   events.start_at, events.status ─┬─> participations.summary_at   (attended, safari not cancelled)
--                                   └─> reflections.summary_at       (safari not cancelled)
--                                          ├─> reflection_emotions.summary_at, author_id (cx_team or anonymised)
--                                          └─> commitments.summary_at

CREATE OR REPLACE FUNCTION participations_copy_event_range() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT tstzrange(e.start_at, e.end_at, '[)'),
         CASE WHEN NEW.status = 'attended' AND e.status <> 'cancelled' THEN e.start_at END
    INTO NEW.during, NEW.summary_at
    FROM events e WHERE e.id = NEW.event_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint

CREATE FUNCTION reflections_copy_summary_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT CASE WHEN e.status <> 'cancelled' THEN e.start_at END INTO NEW.summary_at FROM events e WHERE e.id = NEW.event_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reflections_copy_summary_at
  BEFORE INSERT OR UPDATE ON reflections
  FOR EACH ROW EXECUTE FUNCTION reflections_copy_summary_at();
--> statement-breakpoint

CREATE FUNCTION reflection_emotions_copy_summary_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.author_id, CASE WHEN r.visibility IN ('cx_team', 'anonymised') THEN r.summary_at END
    INTO NEW.author_id, NEW.summary_at
    FROM reflections r WHERE r.id = NEW.reflection_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reflection_emotions_copy_summary_at
  BEFORE INSERT OR UPDATE ON reflection_emotions
  FOR EACH ROW EXECUTE FUNCTION reflection_emotions_copy_summary_at();
--> statement-breakpoint

CREATE FUNCTION commitments_copy_summary_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.summary_at INTO NEW.summary_at FROM reflections r WHERE r.id = NEW.reflection_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_copy_summary_at
  BEFORE INSERT OR UPDATE ON commitments
  FOR EACH ROW EXECUTE FUNCTION commitments_copy_summary_at();
--> statement-breakpoint

-- Rows written before these copies existed (the triggers above fill them in).
UPDATE participations SET during = during WHERE status = 'attended';
--> statement-breakpoint
UPDATE reflections SET summary_at = summary_at;
--> statement-breakpoint
UPDATE reflection_emotions SET author_id = author_id;
--> statement-breakpoint
UPDATE commitments SET summary_at = summary_at;
--> statement-breakpoint

-- A reflection whose copy, visibility or author changes passes it on to its emotions and commitments.
CREATE FUNCTION reflections_propagate_summary_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reflection_emotions SET author_id = author_id WHERE reflection_id = NEW.id;
  UPDATE commitments SET summary_at = summary_at WHERE reflection_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reflections_propagate_summary_at
  AFTER UPDATE ON reflections
  FOR EACH ROW WHEN (
    OLD.summary_at IS DISTINCT FROM NEW.summary_at
    OR OLD.visibility IS DISTINCT FROM NEW.visibility
    OR OLD.author_id IS DISTINCT FROM NEW.author_id
  )
  EXECUTE FUNCTION reflections_propagate_summary_at();
--> statement-breakpoint

-- A safari that moves, or is cancelled (or brought back), passes its start on to what it counts.
CREATE FUNCTION events_propagate_summary_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participations SET during = during WHERE event_id = NEW.id AND status = 'attended';
  UPDATE reflections SET summary_at = summary_at WHERE event_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_propagate_summary_at
  AFTER UPDATE OF start_at, status ON events
  FOR EACH ROW WHEN (
    OLD.start_at IS DISTINCT FROM NEW.start_at
    OR (OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled')
  )
  EXECUTE FUNCTION events_propagate_summary_at();
