package grpcauthcode_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/grpcauthcode"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// TestGRPCAuthCode: PermissionDenied on the failure paths of an interceptor
// and an AuthFunc fires (fixed to Unauthenticated); after authentication,
// with the right code, and as protocol data it does not.
func TestGRPCAuthCode(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(), grpcauthcode.Analyzer, "authforbidden/grpcsvc")
}
