package catalog

import "testing"

// FuzzDecodeRecord checks that no source file panics the decoder and that
// every record it accepts survives a write and a read unchanged. Seeds:
// testdata/fuzz/FuzzDecodeRecord.
func FuzzDecodeRecord(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRecord(data)
		if err != nil {
			return
		}
		out, err := MarshalRecord(r)
		if err != nil {
			t.Fatalf("accepted record does not marshal: %v", err)
		}
		back, err := DecodeRecord(out)
		if err != nil {
			t.Fatalf("marshalled record does not decode: %v\n%s", err, out)
		}
		if back.ARN != r.ARN || back.Name != r.Name || back.Version != r.Version || back.Source != r.Source {
			t.Fatalf("round trip changed %+v into %+v", r, back)
		}
	})
}

// FuzzFromAuthorizationDetails checks that no dump panics the importer
// and that every record it returns is valid. Seeds:
// testdata/fuzz/FuzzFromAuthorizationDetails.
func FuzzFromAuthorizationDetails(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := FromAuthorizationDetails(data, "s")
		if err != nil {
			return
		}
		for _, r := range records {
			if err := r.Validate(); err != nil {
				t.Fatalf("importer returned an invalid record: %v", err)
			}
		}
	})
}
