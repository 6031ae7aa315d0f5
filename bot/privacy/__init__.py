"""Privacy: remove personal details from what a person typed before it is stored or published."""
