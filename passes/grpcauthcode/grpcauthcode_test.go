package grpcauthcode_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/grpcauthcode"
)

// TestGRPCAuthCode: PermissionDenied on the failure paths of an interceptor
// and an AuthFunc fires (fixed to Unauthenticated); after authentication,
// with the right code, and as protocol data it does not.
func TestGRPCAuthCode(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdir.Path(), grpcauthcode.Analyzer, "authforbidden/grpcsvc")
	analysistest.Run(t, testdir.Path(), grpcauthcode.Analyzer, "grpcauthcode/stream", "grpcauthcode/signed", "grpcauthcode/authfunc", "grpcauthcode/devicekey", "grpcauthcode/codetable",
		"grpcauthcode/ctxid", "grpcauthcode/segtable")
}
