package snapshot

import (
	"testing"
)

// FuzzLoadFile decodes arbitrary bytes as one snapshot file, chosen by
// kind among fileKinds, then converts the account: neither may panic, and
// a rejected file is always an *Error naming it. Seeds are in
// testdata/fuzz/FuzzLoadFile: every file of the fixtures and some odd ones.
func FuzzLoadFile(f *testing.F) {
	f.Add(uint8(0), []byte(`{"account_id": "111122223333", "regions": ["us-east-1"]}`))
	f.Add(uint8(17), []byte(`{"Reservations": [{"Instances": [{"InstanceId": "i-1", "MetadataOptions": {"HttpTokens": 1}}]}]}`))
	f.Fuzz(func(t *testing.T, kindIndex uint8, data []byte) {
		kind := fileKinds[int(kindIndex)%len(fileKinds)]
		a := &accountFiles{dirName: "fuzz"}
		r := &regionFiles{}
		a.regions = []*regionFiles{r}
		if err := kind.decode(kind.name, data, a, r); err != nil {
			var snapErr *Error
			if !asError(err, &snapErr) || snapErr.File != kind.name {
				t.Fatalf("%s: error %v does not name the file", kind.name, err)
			}
			return
		}
		if _, err := convertAccount(a); err != nil {
			return
		}
	})
}
