ALTER TABLE "events" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint

-- Every change a calendar shows raises the event's SEQUENCE, whoever writes it; seat counts do not, and
-- nobody sets it by hand (a write of the column itself is undone).
CREATE FUNCTION events_raise_calendar_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.start_at, OLD.end_at, OLD.time_zone, OLD.location, OLD.title, OLD.status)
       IS DISTINCT FROM (NEW.start_at, NEW.end_at, NEW.time_zone, NEW.location, NEW.title, NEW.status) THEN
    NEW.calendar_sequence := OLD.calendar_sequence + 1;
  ELSE
    NEW.calendar_sequence := OLD.calendar_sequence;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_raise_calendar_sequence
  BEFORE UPDATE ON events
  FOR EACH ROW EXECUTE FUNCTION events_raise_calendar_sequence();
