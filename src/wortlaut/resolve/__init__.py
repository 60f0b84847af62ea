"""Resolution: speaker mentions to entities, name variants to canonical entities, places to GeoNames."""
