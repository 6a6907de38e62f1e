module example.com/app

go 1.22

require (
	example.com/claimslib v0.0.0
	example.com/jwtlib v0.0.0
)

replace example.com/jwtlib => ./jwtlib

replace example.com/claimslib => ./claimslib
