package awsfake

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// BenchmarkRebuildCapitalOne rebuilds every file of the capital-one
// fixture through the SDK clients, pages of 2: the work of one account's
// collection against the fake.
func BenchmarkRebuildCapitalOne(b *testing.B) {
	srv, err := New(capitalOne, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	files := fixtureFiles(b, capitalOne)
	cfg := clientConfig(srv, "us-east-1")
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if f.region == "" {
				accountRebuilds[f.name](b, cfg, f.account)
			} else {
				regionRebuilds[f.name](b, cfg, f.account)
			}
		}
	}
	b.ReportMetric(float64(len(srv.Calls()))/float64(b.N), "calls/op")
}

// BenchmarkAuthorizationDetailsPage is one GetAccountAuthorizationDetails
// round trip: request, XML answer, the SDK's decoding.
func BenchmarkAuthorizationDetailsPage(b *testing.B) {
	srv, err := New(twoAccounts, Options{PageSize: 100})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	client := iam.NewFromConfig(clientConfig(srv, "us-east-1"))
	for b.Loop() {
		if _, err := client.GetAccountAuthorizationDetails(b.Context(), &iam.GetAccountAuthorizationDetailsInput{}); err != nil {
			b.Fatal(err)
		}
	}
}
