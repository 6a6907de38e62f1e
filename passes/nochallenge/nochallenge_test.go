package nochallenge_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/nochallenge"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// TestNoChallenge runs the rule over net/http and the framework stubs in one
// load (the standard library is parsed once).
func TestNoChallenge(t *testing.T) {
	analysistest.Run(t, testdata(), nochallenge.Analyzer,
		"nochallenge/nethttp",
		"nochallenge/ginfw",
		"nochallenge/echofw",
		"nochallenge/fiberfw",
		"nochallenge/fiber3fw",
		"nochallenge/fasthttpfw",
	)
}
