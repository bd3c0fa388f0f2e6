"""Familles de noms porteurs d'un nombre qui n'est pas un chiffre: indices, produits, modèles, ligues.

Lu par ``claims.digit_names`` : un nombre juste après l'un de ces mots, sans unité ni échelle après
lui, fait partie d'un nom ("CAC 40", "Peugeot 208", "Ligue 1"), pas d'une statistique.
"""

INDEX_FAMILIES = (
    "CAC", "SBF", "S&P", "Nasdaq", "Dow", "FTSE", "DAX", "Nikkei", "Stoxx", "Euro Stoxx", "Euronext",
    "Russell", "Hang Seng", "IBEX", "MSCI", "Topix", "Kospi", "AEX", "BEL", "SMI", "Fortune",
)
PRODUCT_FAMILIES = (
    "iPhone", "iPad", "iOS", "macOS", "Galaxy", "Pixel", "Windows", "Android", "Xbox", "PlayStation",
    "Switch", "Model", "Boeing", "Airbus", "Embraer", "Falcon", "Rafale", "Mirage", "Leopard", "Abrams",
    "Patriot", "Apollo", "Ariane", "Soyuz", "Renault", "Peugeot", "Citroën", "Fiat", "Tesla", "Clio",
    "Twingo", "Golf", "Polo", "Audi", "BMW", "Porsche", "GPT", "Mistral", "Llama", "Caesar", "César",
    "Exocet", "Scorpène", "Barracuda",
)
BODY_FAMILIES = ("Ligue", "Formule", "Série", "Serie", "Canal", "Top", "Premier", "National")
NAME_AFTER = ("indice", "index")
