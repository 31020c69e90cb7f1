package awsfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// parseTimestamp reads a timestamp as a snapshot holds it: ISO 8601 with
// or without fractional seconds (2024-05-14T16:02:11+00:00), boto3's form
// with a space for the T, or epoch seconds as a number.
func parseTimestamp(v any) (time.Time, error) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return time.Time{}, fmt.Errorf("timestamp %s: %w", x, err)
		}
		return time.UnixMilli(int64(f * 1000)).UTC(), nil
	case string:
		s := x
		if len(s) > 10 && s[10] == ' ' {
			s = s[:10] + "T" + s[11:]
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("timestamp %q is not ISO 8601", x)
	}
	return time.Time{}, fmt.Errorf("timestamp %v is neither a string nor a number", v)
}

// formatTimestamp writes t in a Smithy timestamp format: date-time (the
// XML protocols' default), epoch-seconds (the JSON protocols') or
// http-date. AWS answers with millisecond precision.
func formatTimestamp(t time.Time, format string) string {
	t = t.UTC().Truncate(time.Millisecond)
	switch format {
	case "epoch-seconds":
		ms := t.UnixMilli()
		if ms%1000 == 0 {
			return strconv.FormatInt(ms/1000, 10)
		}
		frac := strings.TrimRight(fmt.Sprintf("%03d", ms%1000), "0")
		return fmt.Sprintf("%d.%s", ms/1000, frac)
	case "http-date":
		return t.Format(http.TimeFormat)
	}
	return t.Format("2006-01-02T15:04:05.000Z")
}
