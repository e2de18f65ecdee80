"""People (one record per human) with their contact points, languages, education and experience."""
