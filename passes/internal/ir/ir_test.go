package ir_test

import (
	"fmt"
	"slices"
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

// TestElementAtAndParamFunc checks that ElementAt reads the same element
// as ElementOf of the loaded value, and that a parameter's place names its
// function.
func TestElementAtAndParamFunc(t *testing.T) {
	var checked int
	check := &analysis.Analyzer{
		Name:     "elementat",
		Doc:      "compares ElementAt with ElementOf",
		Requires: []*analysis.Analyzer{ir.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[ir.Analyzer].(*ir.IR)
			for _, fn := range res.Funcs {
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						at, ok := ir.ElementAt(instr)
						if !ok {
							continue
						}
						checked++
						var of ir.Elem
						switch x := instr.(type) {
						case *ssa.IndexAddr:
							if x.Referrers() == nil {
								continue
							}
							for _, r := range *x.Referrers() {
								if u, isLoad := r.(*ssa.UnOp); isLoad {
									of, ok = ir.ElementOf(u)
								}
							}
						case ssa.Value:
							of, ok = ir.ElementOf(x)
						}
						if !ok {
							continue
						}
						if at.Coll.Key() != of.Coll.Key() || at.Kind != of.Kind || at.K != of.K {
							t.Errorf("%s: ElementAt %+v, ElementOf %+v", pass.Fset.Position(instr.Pos()), at, of)
						}
						if at.Coll.Param != nil && at.Coll.Func == nil {
							t.Errorf("%s: parameter place without its function", pass.Fset.Position(instr.Pos()))
						}
					}
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(noWants{t}, testdir.Path(), check, "ir/elems")
	if checked == 0 {
		t.Error("no element read checked")
	}
}

// noWants ignores the fixture's // want comments, which are the probe's.
type noWants struct{ *testing.T }

func (n noWants) Errorf(format string, args ...any) {
	if !strings.Contains(fmt.Sprintf(format, args...), "no diagnostic was reported") {
		n.T.Errorf(format, args...)
	}
}

// built reports, at every 401 write, whether the package's SSA form was
// built.
var built = &analysis.Analyzer{
	Name:     "built",
	Doc:      "reports whether SSA was built",
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
					if m := call.Common().Method; m != nil && m.Name() == "WriteHeader" {
						pass.Reportf(instr.Pos(), "built")
					}
					// A call of an import's function reaches that
					// function's own object.
					f := call.Common().StaticCallee()
					if f != nil && f.Origin() != nil {
						f = f.Origin() // an instance of a generic function
					}
					if f != nil && f.Pkg != nil && f.Pkg != res.Pkg && f.Signature.Recv() == nil && f.Synthetic == "" {
						obj := f.Object()
						if obj == nil || obj.Pkg() != f.Pkg.Pkg || obj.Pkg().Scope().Lookup(obj.Name()) != obj {
							pass.Reportf(instr.Pos(), "callee %s is not its package's object", f)
						} else {
							pass.Reportf(instr.Pos(), "calls %s.%s", obj.Pkg().Path(), obj.Name())
						}
					}
				}
			}
		}
		if res.Err != nil {
			return nil, res.Err
		}
		// What the program holds of each import: only what is used.
		if res.Pkg != nil {
			for _, imp := range res.Pkg.Prog.AllPackages() {
				if imp == res.Pkg || imp.Pkg.Path() == "embed" {
					continue
				}
				var names []string
				for name := range imp.Members {
					if name != "init" && name != "init$guard" {
						names = append(names, name)
					}
				}
				slices.Sort(names)
				pass.Reportf(pass.Files[0].Package, "members %s: %s", imp.Pkg.Path(), strings.Join(names, " "))
			}
		}
		return nil, nil
	},
}

// Each import is a stand-in that holds only the functions and variables
// the package uses (none when it uses only types and methods); the package
// still builds, method values of imported types included, and its calls
// reach the imports' own objects.
func TestImportStandIns(t *testing.T) {
	analysistest.Run(t, testdir.Path(), built, "ir/imports")
}
