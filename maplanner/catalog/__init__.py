"""The career catalog: strict models of `data/*.toml` and the loader that checks them."""
