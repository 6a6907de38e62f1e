package authforbidden_test

import (
	"path/filepath"
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/authforbidden"
)

// TestAuthForbidden: every failure signal with a 403 fires, the same shapes
// after authentication or for challenge-less schemes do not; fixes are
// checked against .golden files.
func TestAuthForbidden(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdir.Path(), authforbidden.Analyzer, "authforbidden/nethttp", "authforbidden/ownc")
	analysistest.Run(t, testdir.Path(), authforbidden.Analyzer, "authforbidden/frameworks", "authforbidden/crosspkg",
		"authforbidden/flow", "authforbidden/flowfw", "authforbidden/carrier", "authforbidden/statusvar", "authforbidden/fwerrors", "authforbidden/funcval", "authforbidden/errhandler/...",
		"authforbidden/tokenuse", "authforbidden/tokenunused", "authforbidden/loops", "authforbidden/foreign/...",
		"authforbidden/ctxid/...", "authforbidden/mtls", "authforbidden/expiry", "authforbidden/introspect", "kindtable/guard", "authforbidden/fwhandlers", "authforbidden/mapwrite", "authforbidden/handon/app")
}

// TestLibrarySentinels: in a module, the errors of a library the analysis
// does not read, matched against the error of a failed verification, are
// that verification's failures; the module's own errors are judged by what
// the analysis reads of them (apperr.ErrFrozen: silent).
func TestLibrarySentinels(t *testing.T) {
	analysistest.Run(t, filepath.Join(testdir.Path(), "libsentinel"), authforbidden.Analyzer, "example.com/app/api", "example.com/app/gate")
}
