"""Local multi-account AWS sandbox: moto in server mode, extended (see moto_ext/)."""
