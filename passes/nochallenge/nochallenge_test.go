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

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, testdata(), nochallenge.Analyzer, "nochallenge/nethttp")
}
