package failure_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/benchkit"
)

// BenchmarkFailure times the failure pass alone on the synthetic module (see
// package benchkit): one package of each kind, the fast path, the module.
//
//	go test -run '^$' -bench . -benchmem ./passes/failure
func BenchmarkFailure(b *testing.B) { benchkit.Bench(b, failure.Analyzer) }
