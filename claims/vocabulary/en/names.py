"""Families of names that carry a number without being a figure: indices, products, models, leagues.

Read by ``claims.digit_names``: a number right after one of these words, with no unit or scale
after it, is part of a name ("S&P 500", "iPhone 11", "Boeing 737"), not a statistic. The families are
classes of names, not a list of sentences: any member with any number is a name.
"""

# Market indices ("Nasdaq 100", "FTSE 250") and rankings named by their size ("Fortune 500").
INDEX_FAMILIES = (
    "S&P", "Nasdaq", "Dow", "FTSE", "CAC", "DAX", "Nikkei", "Stoxx", "Euro Stoxx", "Russell", "Hang Seng",
    "IBEX", "MSCI", "SBF", "Topix", "Kospi", "Sensex", "Nifty", "ASX", "TSX", "AEX", "BEL", "SMI", "OMX",
    "Fortune", "Forbes",
)
# Products, models and series named with a number ("Windows 11", "Model 3", "Galaxy S24").
PRODUCT_FAMILIES = (
    "iPhone", "iPad", "iOS", "macOS", "Galaxy", "Pixel", "Windows", "Android", "Xbox", "PlayStation",
    "Switch", "Model", "Boeing", "Airbus", "Embraer", "Bombardier", "Cessna", "Falcon", "Rafale",
    "Mirage", "Eurofighter", "Typhoon", "Tornado", "Leopard", "Abrams", "Challenger", "Patriot", "Apollo",
    "Artemis", "Soyuz", "Gemini", "Firefox", "Golf", "Polo", "Renault", "Peugeot", "Citroën", "Fiat",
    "Tesla", "Volvo", "Audi", "BMW", "Porsche", "GPT", "Llama", "Mistral", "Ryzen", "Snapdragon",
)
# Competitions, channels and bodies named with a number ("Formula 1", "Channel 4", "Ligue 1").
BODY_FAMILIES = ("Formula", "Channel", "Ligue", "Serie", "Bundesliga", "Premiership", "Championship", "League")
# Words after a number that make the whole a name ("the 500 index").
NAME_AFTER = ("index", "indices", "benchmark", "series")
