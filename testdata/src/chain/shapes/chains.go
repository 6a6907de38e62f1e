package shapes

import "net/http"

// Wire builds a chain for each consumer: challenge-less first (or last
// where the last is asked) fires, the other order is silent.
func Wire(w http.ResponseWriter, r *http.Request) {
	_ = NewTemp(Cookie{}, Bearer{}) // want `Cookie is challenge-less but sits first`
	_ = NewTemp(Bearer{}, Cookie{})
	_ = NewAlias(Bearer{}, Cookie{}) // want `Cookie is challenge-less but sits last`
	_ = NewAlias(Cookie{}, Bearer{})
	KeptAfter([]Scheme{Bearer{}, Cookie{}}, w, r) // want `Cookie is challenge-less but sits last`
	KeptAfter([]Scheme{Cookie{}, Bearer{}}, w, r)
	_ = NewIndexed(Cookie{}, Bearer{}) // want `Cookie is challenge-less but sits first`
	_ = NewStored(Cookie{}, Bearer{})  // want `Cookie is challenge-less but sits first`
	_ = NewStored(Bearer{}, Cookie{})
	_ = MethodValue(Cookie{}, Bearer{})                  // want `Cookie is challenge-less but sits first`
	try, challenge := Pair([]Scheme{Bearer{}, Cookie{}}) // want `Cookie is challenge-less but sits last`
	_, _ = try, challenge

	var g Registry
	g.Register("session", Cookie{}) // want `Cookie is challenge-less but sits first`
	g.Register("bearer", Bearer{})

	var grp Group
	grp.Add(Cookie{}) // want `Cookie is challenge-less but sits first`
	grp.Add(Bearer{})
	var ok Group
	ok.Add(Bearer{})
	ok.Add(Cookie{})

	_ = NewChain[Scheme](Cookie{}, Bearer{}) // want `Cookie is challenge-less but sits first`
	_ = NewChain[Scheme](Bearer{}, Cookie{})

	_ = AnyOf(Cookie{}, Bearer{}) // want `Cookie is challenge-less but sits first`
	_ = AnyOf(Bearer{}, Cookie{})
	_ = EachOf(Cookie{}, Bearer{})
	_ = FailedOf(Cookie{}, Bearer{})
	_ = Guarded(Bearer{}, Cookie{}) // want `Cookie is challenge-less but sits last`
	_ = Guarded(Cookie{}, Bearer{})
	_ = &Gate{schemes: []Scheme{Bearer{}, Cookie{}}} // want `Cookie is challenge-less but sits last`
	_ = &FailGate{schemes: []Scheme{Bearer{}, Cookie{}}}

	// order-safe consumers: any order is right
	Failing([]Scheme{Cookie{}, Bearer{}}, w, r)
	FailingOnly([]Scheme{Cookie{}, Bearer{}}, w, r)
	FailedIndex([]Scheme{Cookie{}, Bearer{}}, w, r)
	Each([]Scheme{Cookie{}, Bearer{}}, w, r)
	All([]Scheme{Cookie{}, Bearer{}}, w)
	_ = Describe([]Scheme{Cookie{}, Bearer{}})
	_ = Untried([]Scheme{Cookie{}, Bearer{}})
}

func init() {
	defaults = []Scheme{Cookie{}, Bearer{}} // want `Cookie is challenge-less but sits first`
}
