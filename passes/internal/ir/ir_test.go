package ir_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/testdir"
)

// probe reports, at every call of a method named Challenge, what the
// helpers say of its receiver.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "reports what ir says of Challenge receivers",
	Requires: []*analysis.Analyzer{ir.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[ir.Analyzer].(*ir.IR)
		for _, fn := range res.Funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					recv, meth, ok := ir.Receiver(call.Common())
					if !ok || meth.Name() != "Challenge" {
						continue
					}
					pass.Reportf(instr.Pos(), "%s", describe(recv))
				}
			}
		}
		return nil, nil
	},
}

func describe(v ssa.Value) string {
	elems, others := ir.Elements(v)
	var parts []string
	for _, e := range elems {
		var where string
		switch {
		case e.Coll.Field != nil:
			where = "field " + e.Coll.Field.Name()
		case e.Coll.Global != nil:
			where = "global " + e.Coll.Global.Name()
		case e.Coll.Param != nil:
			where = "param " + e.Coll.Param.Name()
		default:
			where = "local"
		}
		switch e.Kind {
		case ir.Fixed:
			where += fmt.Sprintf(" fixed %d", e.K)
		case ir.FromEnd:
			where += fmt.Sprintf(" fromend %d", e.K)
		default:
			where += " varying"
		}
		parts = append(parts, where)
	}
	if len(others) > 0 {
		parts = append(parts, fmt.Sprintf("others %d", len(others)))
	}
	return strings.Join(parts, "; ")
}

func TestHelpers(t *testing.T) {
	analysistest.Run(t, testdir.Path(), probe, "ir/elems")
}
