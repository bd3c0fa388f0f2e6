"""Countries and groupings as data: ISO 3166 codes (and the Eurostat/World Bank aggregate codes), names in
English and French, and other names (demonyms, short forms). One row per geography; a new language is a
new column. Read by ``sources.geography``; edit freely. Other names written in capitals (``EU``, ``USA``) are
matched in a claim's text only in capitals: "eu" is a French word, "US" a country.
"""

# code2 | code3 | English name | French name | other names (comma-separated: short forms, demonyms EN and FR)
TABLE = """
AF|AFG|Afghanistan|Afghanistan|afghan,afghane
AL|ALB|Albania|Albanie|albanian,albanais,albanaise
DZ|DZA|Algeria|Algérie|algerian,algérien,algérienne
AO|AGO|Angola|Angola|angolan
AR|ARG|Argentina|Argentine|argentinian,argentin
AM|ARM|Armenia|Arménie|armenian,arménien,arménienne
AU|AUS|Australia|Australie|australian,australien,australienne
AT|AUT|Austria|Autriche|austrian,autrichien,autrichienne
AZ|AZE|Azerbaijan|Azerbaïdjan|azerbaijani,azerbaïdjanais
BD|BGD|Bangladesh|Bangladesh|bangladeshi
BY|BLR|Belarus|Biélorussie|belarusian,biélorusse,bélarus
BE|BEL|Belgium|Belgique|belgian,belge
BJ|BEN|Benin|Bénin|béninois
BO|BOL|Bolivia|Bolivie|bolivian,bolivien
BA|BIH|Bosnia and Herzegovina|Bosnie-Herzégovine|bosnia,bosnie
BR|BRA|Brazil|Brésil|brazilian,brésilien,brésilienne
BG|BGR|Bulgaria|Bulgarie|bulgarian,bulgare
BF|BFA|Burkina Faso|Burkina Faso|burkinabè
KH|KHM|Cambodia|Cambodge|cambodian,cambodgien
CM|CMR|Cameroon|Cameroun|cameroonian,camerounais
CA|CAN|Canada|Canada|canadian,canadien,canadienne
CL|CHL|Chile|Chili|chilean,chilien,chilienne
CN|CHN|China|Chine|chinese,chinois,chinoise
CO|COL|Colombia|Colombie|colombian,colombien,colombienne
CD|COD|Democratic Republic of the Congo|République démocratique du Congo|dr congo,rd congo,RDC,DRC
CG|COG|Republic of the Congo|République du Congo|congo-brazzaville
CI|CIV|Côte d'Ivoire|Côte d'Ivoire|ivory coast,ivoirien,ivoirienne
HR|HRV|Croatia|Croatie|croatian,croate
CU|CUB|Cuba|Cuba|cuban,cubain
CY|CYP|Cyprus|Chypre|cypriot,chypriote
CZ|CZE|Czechia|Tchéquie|czech republic,république tchèque,czech,tchèque
DK|DNK|Denmark|Danemark|danish,danois,danoise
DO|DOM|Dominican Republic|République dominicaine|dominican
EC|ECU|Ecuador|Équateur|ecuadorian,équatorien
EG|EGY|Egypt|Égypte|egyptian,égyptien,égyptienne
EE|EST|Estonia|Estonie|estonian,estonien,estonienne
ET|ETH|Ethiopia|Éthiopie|ethiopian,éthiopien
FI|FIN|Finland|Finlande|finnish,finlandais,finlandaise
FR|FRA|France|France|french,français,française,françaises,hexagone
GA|GAB|Gabon|Gabon|gabonais
GE|GEO|Georgia|Géorgie|georgian,géorgien,géorgienne
DE|DEU|Germany|Allemagne|german,allemand,allemande,allemandes
GH|GHA|Ghana|Ghana|ghanaian,ghanéen
EL|GRC|Greece|Grèce|greek,grec,grecque,GR
GT|GTM|Guatemala|Guatemala|guatemalan
GN|GIN|Guinea|Guinée|guinean,guinéen
HT|HTI|Haiti|Haïti|haitian,haïtien
HN|HND|Honduras|Honduras|honduran
HU|HUN|Hungary|Hongrie|hungarian,hongrois,hongroise
IS|ISL|Iceland|Islande|icelandic,islandais
IN|IND|India|Inde|indian,indien,indienne
ID|IDN|Indonesia|Indonésie|indonesian,indonésien
IR|IRN|Iran|Iran|iranian,iranien,iranienne
IQ|IRQ|Iraq|Irak|iraqi,irakien,irakienne
IE|IRL|Ireland|Irlande|irish,irlandais,irlandaise
IL|ISR|Israel|Israël|israeli,israélien,israélienne
IT|ITA|Italy|Italie|italian,italien,italienne
JM|JAM|Jamaica|Jamaïque|jamaican
JP|JPN|Japan|Japon|japanese,japonais,japonaise
JO|JOR|Jordan|Jordanie|jordanian,jordanien
KZ|KAZ|Kazakhstan|Kazakhstan|kazakh
KE|KEN|Kenya|Kenya|kenyan,kényan
KR|KOR|South Korea|Corée du Sud|korea,corée,korean,coréen,coréenne
KP|PRK|North Korea|Corée du Nord|north korean,nord-coréen
XK|XKX|Kosovo|Kosovo|kosovar
KW|KWT|Kuwait|Koweït|kuwaiti
KG|KGZ|Kyrgyzstan|Kirghizistan|kyrgyz
LV|LVA|Latvia|Lettonie|latvian,letton,lettone
LB|LBN|Lebanon|Liban|lebanese,libanais,libanaise
LY|LBY|Libya|Libye|libyan,libyen
LT|LTU|Lithuania|Lituanie|lithuanian,lituanien,lituanienne
LU|LUX|Luxembourg|Luxembourg|luxembourgish,luxembourgeois
MG|MDG|Madagascar|Madagascar|malagasy,malgache
MY|MYS|Malaysia|Malaisie|malaysian,malaisien
ML|MLI|Mali|Mali|malian,malien,malienne
MT|MLT|Malta|Malte|maltese,maltais
MX|MEX|Mexico|Mexique|mexican,mexicain,mexicaine
MD|MDA|Moldova|Moldavie|moldovan,moldave
MN|MNG|Mongolia|Mongolie|mongolian,mongol
ME|MNE|Montenegro|Monténégro|montenegrin,monténégrin
MA|MAR|Morocco|Maroc|moroccan,marocain,marocaine
MZ|MOZ|Mozambique|Mozambique|mozambican
MM|MMR|Myanmar|Birmanie|burma,burmese,birman
NP|NPL|Nepal|Népal|nepalese,népalais
NL|NLD|Netherlands|Pays-Bas|holland,dutch,néerlandais,néerlandaise
NZ|NZL|New Zealand|Nouvelle-Zélande|new zealander,néo-zélandais
NE|NER|Niger|Niger|nigérien
NG|NGA|Nigeria|Nigeria|nigerian,nigérian,nigériane
MK|MKD|North Macedonia|Macédoine du Nord|macedonia,macédoine,macedonian,macédonien
NO|NOR|Norway|Norvège|norwegian,norvégien,norvégienne
OM|OMN|Oman|Oman|omani
PK|PAK|Pakistan|Pakistan|pakistani,pakistanais
PS|PSE|Palestine|Palestine|palestinian,palestinien,gaza
PA|PAN|Panama|Panama|panamanian,panaméen
PY|PRY|Paraguay|Paraguay|paraguayan,paraguayen
PE|PER|Peru|Pérou|peruvian,péruvien
PH|PHL|Philippines|Philippines|filipino,philippin
PL|POL|Poland|Pologne|polish,polonais,polonaise
PT|PRT|Portugal|Portugal|portuguese,portugais,portugaise
QA|QAT|Qatar|Qatar|qatari
RO|ROU|Romania|Roumanie|romanian,roumain,roumaine
RU|RUS|Russia|Russie|russian federation,fédération de russie,russian,russe,russes
RW|RWA|Rwanda|Rwanda|rwandan,rwandais
SA|SAU|Saudi Arabia|Arabie saoudite|saudi,saoudien,saoudienne
SN|SEN|Senegal|Sénégal|senegalese,sénégalais,sénégalaise
RS|SRB|Serbia|Serbie|serbian,serbe
SG|SGP|Singapore|Singapour|singaporean,singapourien
SK|SVK|Slovakia|Slovaquie|slovak,slovaque
SI|SVN|Slovenia|Slovénie|slovenian,slovène
ZA|ZAF|South Africa|Afrique du Sud|south african,sud-africain,sud-africaine
ES|ESP|Spain|Espagne|spanish,espagnol,espagnole
LK|LKA|Sri Lanka|Sri Lanka|sri lankan,sri-lankais
SD|SDN|Sudan|Soudan|sudanese,soudanais
SE|SWE|Sweden|Suède|swedish,suédois,suédoise
CH|CHE|Switzerland|Suisse|swiss
SY|SYR|Syria|Syrie|syrian,syrien,syrienne
TW|TWN|Taiwan|Taïwan|taiwanese,taïwanais
TJ|TJK|Tajikistan|Tadjikistan|tajik
TZ|TZA|Tanzania|Tanzanie|tanzanian,tanzanien
TH|THA|Thailand|Thaïlande|thai,thaïlandais
TN|TUN|Tunisia|Tunisie|tunisian,tunisien,tunisienne
TR|TUR|Türkiye|Turquie|turkey,turkish,turc,turque
TM|TKM|Turkmenistan|Turkménistan|turkmen
UG|UGA|Uganda|Ouganda|ugandan,ougandais
UA|UKR|Ukraine|Ukraine|ukrainian,ukrainien,ukrainienne,ukrainiens,ukrainiennes
AE|ARE|United Arab Emirates|Émirats arabes unis|UAE,EAU,emirati,émirati
UK|GBR|United Kingdom|Royaume-Uni|great britain,grande-bretagne,britain,british,britannique,GB
US|USA|United States|États-Unis|united states of america,USA,US,america,american,américain,américaine
UY|URY|Uruguay|Uruguay|uruguayan,uruguayen
UZ|UZB|Uzbekistan|Ouzbékistan|uzbek,ouzbek
VE|VEN|Venezuela|Venezuela|venezuelan,vénézuélien
VN|VNM|Viet Nam|Viêt Nam|vietnam,vietnamese,vietnamien,vietnamienne
YE|YEM|Yemen|Yémen|yemeni,yéménite
ZM|ZMB|Zambia|Zambie|zambian
ZW|ZWE|Zimbabwe|Zimbabwe|zimbabwean
EU27_2020|EUU|European Union|Union européenne|EU,UE,EU27,EU-27,UE-27,EU27_2020,EU28,union européenne des 27
EA20|EMU|Euro area|Zone euro|eurozone,euro zone,EA,EA19,EA20
OECD|OED|OECD members|Pays de l'OCDE|OECD,OCDE
WLD|WLD|World|Monde|worldwide,global,mondial,mondiale
"""
