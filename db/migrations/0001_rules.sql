-- Rules the database holds itself, so that they stay true under concurrent writes whatever the caller.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint

-- A participation always carries its event's [start, end): recomputed on every write, never trusted from the caller.
CREATE FUNCTION participations_copy_event_range() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT tstzrange(e.start_at, e.end_at, '[)') INTO NEW.during FROM events e WHERE e.id = NEW.event_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER participations_copy_event_range
  BEFORE INSERT OR UPDATE ON participations
  FOR EACH ROW EXECUTE FUNCTION participations_copy_event_range();
--> statement-breakpoint

-- When an event moves, its participations move with it (and the exclusion constraint re-checks them).
CREATE FUNCTION events_propagate_range() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participations SET during = during WHERE event_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_propagate_range
  AFTER UPDATE OF start_at, end_at ON events
  FOR EACH ROW WHEN (OLD.start_at IS DISTINCT FROM NEW.start_at OR OLD.end_at IS DISTINCT FROM NEW.end_at)
  EXECUTE FUNCTION events_propagate_range();
--> statement-breakpoint

-- Seats: confirmed and attended participations are counted on the event row. The UPDATE takes the event's
-- row lock, so concurrent sign-ups queue behind each other, and events_seats_taken_within_seats refuses
-- the one that would overfill the event.
CREATE FUNCTION participations_count_seats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.status IN ('confirmed', 'attended') THEN
      UPDATE events SET seats_taken = seats_taken - 1 WHERE id = OLD.event_id;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.status IN ('confirmed', 'attended') THEN
      UPDATE events SET seats_taken = seats_taken + 1 WHERE id = NEW.event_id;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER participations_count_seats
  AFTER INSERT OR UPDATE OF status, event_id OR DELETE ON participations
  FOR EACH ROW EXECUTE FUNCTION participations_count_seats();
--> statement-breakpoint

-- No executive in two overlapping events they hold a seat at.
ALTER TABLE participations ADD CONSTRAINT participations_no_overlap
  EXCLUDE USING gist (executive_id WITH =, during WITH &&) WHERE (status IN ('confirmed', 'attended'));
