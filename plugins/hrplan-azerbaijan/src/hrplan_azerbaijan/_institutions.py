"""The institutions of Azerbaijan that its human-rights documents name.

First the implementers of the 2012 National Program for Action (the same ids,
names, kinds and parents as hrplan's ``examples/data/az-2012.json``), then the
bodies the Ombudsman's documents name, then international bodies both mention.

Aliases are the spellings found in the documents (typos included: "Milli
Meilis", "Ministry Education"), other translations ("Labor and Social Security
of the Population") and the Azerbaijani names. Forms ending in "of the Republic
of Azerbaijan" need not be listed: :func:`hrplan.institutions.normalise_name`
strips that ending before comparing.
"""

from __future__ import annotations

from hrplan import Institution
from hrplan import InstitutionKind as K

__all__ = ["INSTITUTIONS", "INTERNATIONAL", "OMBUDSMAN_BODIES", "PROGRAM_2012"]


def _i(id: str, name: str, kind: K, *aliases: str, short: str | None = None, parent: str | None = None) -> Institution:
    return Institution(id, name, kind, short_name=short, aliases=aliases, parent=parent)


def _ministry(id: str, subject: str, *aliases: str) -> Institution:
    name = f"Ministry of {subject}"
    return _i(id, name, K.MINISTRY, f"{name} of the Republic of Azerbaijan", *aliases)


#: The 47 implementers of the 2012 program, in the order of examples/data/az-2012.json.
PROGRAM_2012: tuple[Institution, ...] = (
    _i("milli-mejlis", "Milli Mejlis", K.PARLIAMENT, "Milli Mejlis of the Republic of Azerbaijan", "Milli Meilis",
       "Milli Majlis", "National Assembly", "Parliament of the Republic of Azerbaijan", "Milli Məclis",
       "Azərbaycan Respublikasının Milli Məclisi"),
    _i("presidential-administration", "Presidential Administration", K.PRESIDENTIAL_ADMINISTRATION,
       "Administration of the President of the Republic of Azerbaijan", "Administration of the President",
       "Prezident Administrasiyası", "Azərbaycan Respublikası Prezidentinin Administrasiyası"),
    _i("cabinet-of-ministers", "Cabinet of Ministers", K.GOVERNMENT,
       "Cabinet of Ministers of the Republic of Azerbaijan", "Nazirlər Kabineti",
       "Azərbaycan Respublikasının Nazirlər Kabineti"),
    _ministry("min-justice", "Justice", "Ədliyyə Nazirliyi"),
    _ministry("min-foreign-affairs", "Foreign Affairs", "Xarici İşlər Nazirliyi"),
    _ministry("min-internal-affairs", "Internal Affairs", "Daxili İşlər Nazirliyi"),
    _ministry("min-national-security", "National Security", "Milli Təhlükəsizlik Nazirliyi"),
    _ministry("min-defense", "Defense", "Ministry of Defence", "Müdafiə Nazirliyi"),
    _ministry("min-education", "Education", "Ministry Education of the Republic of Azerbaijan", "Ministry Education",
              "Təhsil Nazirliyi"),
    _ministry("min-health", "Health", "Ministry Health of the Republic of Azerbaijan", "Ministry Health",
              "Səhiyyə Nazirliyi"),
    _ministry("min-labour-social-protection", "Labor and Social Protection of the Population",
              "Ministry of Labor and Social Security of the Population of the Republic of Azerbaijan",
              "Ministry of Labor and Social Security of the Population",
              "Ministry of Labor and Social Protection of Population",
              "Ministry of Labour and Social Protection of the Population",
              "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi"),
    _ministry("min-economic-development", "Economic Development", "İqtisadi İnkişaf Nazirliyi"),
    _ministry("min-ecology-natural-resources", "Ecology and Natural Resources",
              "Ekologiya və Təbii Sərvətlər Nazirliyi"),
    _ministry("min-culture-tourism", "Culture and Tourism", "Mədəniyyət və Turizm Nazirliyi"),
    _ministry("min-youth-sport", "Youth and Sport", "Ministry of Youth and Sports", "Gənclər və İdman Nazirliyi"),
    _ministry("min-agriculture", "Agriculture", "Kənd Təsərrüfatı Nazirliyi"),
    _ministry("min-transport", "Transport", "Nəqliyyat Nazirliyi"),
    _ministry("min-taxes", "Taxes", "Vergilər Nazirliyi"),
    _ministry("min-emergency-situations", "Emergency Situations", "Fövqəladə Hallar Nazirliyi"),
    _ministry("min-finance", "Finance", "Maliyyə Nazirliyi"),
    _ministry("min-communication-it", "Communication and Information Technologies",
              "Rabitə və İnformasiya Texnologiyaları Nazirliyi"),
    _i("sc-family-women-children", "State Committee for Family, Women and Children Affairs", K.STATE_COMMITTEE,
       "State Committee of the Republic of Azerbaijan on the problems of the family, women and children",
       "State Committee on the problems of the family, women and children",
       "Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi"),
    _i("sc-refugees-idps", "State Committee for Refugees and Internally Displaced Persons", K.STATE_COMMITTEE,
       "State Committee for Refugees and Internally Displaced Persons of the Republic of Azerbaijan",
       "State Committee for Affairs of Refugees and Internally Displaced Persons",
       "Qaçqınların və Məcburi Köçkünlərin İşləri üzrə Dövlət Komitəsi"),
    _i("state-customs-committee", "State Customs Committee", K.STATE_COMMITTEE,
       "State Customs Committee of the Republic of Azerbaijan", "Dövlət Gömrük Komitəsi"),
    _i("sc-standardization", "State Committee for Standardization, Metrology and Patents", K.STATE_COMMITTEE,
       "State Committee for Standardization, Metrology and Patents of the Republic of Azerbaijan",
       "Standartlaşdırma, Metrologiya və Patent üzrə Dövlət Komitəsi"),
    _i("state-statistical-committee", "State Statistical Committee", K.STATE_COMMITTEE,
       "State Committee for Statistics of the Republic of Azerbaijan", "State Committee for Statistics",
       "Dövlət Statistika Komitəsi"),
    _i("sc-property-issues", "State Committee for Property Issues", K.STATE_COMMITTEE,
       "State Committee for Property Issues of the Republic of Azerbaijan", "Əmlak Məsələləri Dövlət Komitəsi"),
    _i("sc-religious-associations", "State Committee for Work with Religious Associations", K.STATE_COMMITTEE,
       "State Committee for work with religious associations of the Republic of Azerbaijan",
       "State Committee for work with religious associations", "Dini Qurumlarla İş üzrə Dövlət Komitəsi"),
    _i("state-migration-service", "State Migration Service", K.AGENCY,
       "State Migration Service of the Republic of Azerbaijan", "Dövlət Miqrasiya Xidməti"),
    _i("ombudsman", "Commissioner for Human Rights (Ombudsman)", K.OMBUDSMAN,
       "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan", "Commissioner for Human Rights",
       "the human rights ombudsman of the Republic of Azerbaijan", "human rights ombudsman",
       "Commissioner for Human Rights (Ombudsman) of Azerbaijan", "Ombudsman of Azerbaijan",
       "Office of the Commissioner for Human Rights (Ombudsman)", "Ombudsman Office", "Ombudsman Office of Azerbaijan",
       "Azerbaijan Ombudsman Office", "Ombudsman Institution", "Azerbaijani Ombudsman",
       "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman)",
       "İnsan Hüquqları üzrə Müvəkkil (Ombudsman)", "İnsan Hüquqları üzrə Müvəkkil", "Ombudsman Aparatı",
       short="Ombudsman"),
    _i("anas", "Azerbaijan National Academy of Sciences", K.ACADEMIC, "Azərbaycan Milli Elmlər Akademiyası", "AMEA",
       short="ANAS"),
    _i("anas-human-rights-institute", "Scientific Research Institute for Human Rights", K.ACADEMIC,
       "Scientific Research Institute for Human Rights of the Azerbaijan National Academy of Sciences",
       "Human Rights Institute of the Azerbaijan National Academy of Sciences", parent="anas"),
    _i("national-tv-radio-council", "National Television and Radio Council", K.AGENCY,
       "National Television and Radio Council of the Republic of Azerbaijan", "Milli Televiziya və Radio Şurası"),
    _i("press-council", "Azerbaijan Press Council", K.NGO, "Press Council", "Mətbuat Şurası"),
    _i("media-support-fund", "Fund on State Assistance to Mass Media", K.AGENCY,
       "Fund on State Assistance to Mass Media under the President of the Republic of Azerbaijan"),
    _i("anti-corruption-commission", "Commission on Combating Corruption", K.OTHER,
       "Commission on Combating Corruption of the Republic of Azerbaijan"),
    _i("central-bank", "Central Bank of the Republic of Azerbaijan", K.AGENCY, "Mərkəzi Bank", short="Central Bank"),
    _i("financial-monitoring-service", "Financial Monitoring Service", K.AGENCY,
       "Financial Monitoring Service under the Central Bank of the Republic of Azerbaijan", parent="central-bank"),
    _i("ecthr-government-agent", "Government Agent before the European Court of Human Rights", K.AGENCY,
       "Agent of the Government of the Republic of Azerbaijan before the European Court of Human Rights",
       "Agent of the Government of the Republic of Azerbaijan at the European Court of Human Rights",
       "Agent of the Government before the European Court of Human Rights"),
    _i("supreme-court", "Supreme Court", K.COURT, "Supreme Court of the Republic of Azerbaijan", "Ali Məhkəmə"),
    _i("prosecutor-general", "Prosecutor General's Office", K.PROSECUTION,
       "Prosecutor General's Office of the Republic of Azerbaijan",
       "Prosecutor-General's Office of the Republic of Azerbaijan", "Prosecutor-General's Office",
       "General Prosecutor's Office", "Baş Prokurorluq"),
    _i("bar-association", "Bar Association", K.BAR, "Bar Association of the Republic of Azerbaijan",
       "Vəkillər Kollegiyası"),
    _i("ngo-support-council", "Council on State Support to Non-Governmental Organizations", K.AGENCY,
       "Council on State Support for nongovernmental organizations under the President of the Republic of Azerbaijan",
       "Council on State Support to NGOs"),
    _i("central-election-commission", "Central Election Commission", K.AGENCY,
       "Central Election Commission of the Republic of Azerbaijan", "Mərkəzi Seçki Komissiyası"),
    _i("central-executive-bodies", "Central executive authorities", K.OTHER,
       "central bodies of the executive authority of the Republic of Azerbaijan",
       "central bodies of the executive authority", "central executive bodies"),
    _i("city-district-executive-authorities", "Executive authorities of cities and districts", K.LOCAL_AUTHORITY,
       "executive authorities of cities and districts of the Republic of Azerbaijan",
       "local executive authorities", "city and district executive authorities"),
    _i("other-government-agencies", "Other relevant government agencies", K.OTHER,
       "other relevant government agencies", "relevant government agencies"),
)  # fmt: skip


def _centre(direction: str, id_part: str) -> Institution:
    name = f"{direction} Regional Center of the Commissioner for Human Rights (Ombudsman)"
    return _i(f"ombudsman-{id_part}-regional-centre", name, K.OMBUDSMAN,
              f"Ombudsman's {direction} Regional Center", f"Ombudsman's {direction} Regional Centre",
              f"{direction} Regional Center of the Ombudsman", f"{direction} Regional Centre of the Ombudsman",
              parent="ombudsman")  # fmt: skip


#: Bodies the Ombudsman's documents name (legal education, trainings, meetings).
OMBUDSMAN_BODIES: tuple[Institution, ...] = (
    _centre("North", "north"),
    _centre("South", "south"),
    _centre("West", "west"),
    _centre("Northwest", "northwest"),
    _i("ombudsman-human-rights-protection-department", "Human Rights Protection Department of the Ombudsman Office",
       K.OMBUDSMAN, "Human Rights Protection Department of the Ombudsman Institution", parent="ombudsman"),
    _i("ombudsman-child-rights-unit", "Child Rights Protection Unit of the Ombudsman Office", K.OMBUDSMAN,
       "Child Rights Protection Unit within the Human Rights Protection Department of the Ombudsman Institution",
       "Child Rights Protection Unit", parent="ombudsman-human-rights-protection-department"),
    _i("nakhchivan-ombudsman", "Commissioner for Human Rights (Ombudsman) of the Nakhchivan Autonomous Republic",
       K.OMBUDSMAN, "Ombudsman Office of the Nakhchivan Autonomous Republic", "Nakhchivan Ombudsman Office",
       "Ombudsman of the Nakhchivan Autonomous Republic", "Nakhchivan Ombudsman"),
    _ministry("min-science-education", "Science and Education", "Elm və Təhsil Nazirliyi"),
    _i("academy-public-administration", "Academy of Public Administration", K.ACADEMIC,
       "Academy of Public Administration under the President of the Republic of Azerbaijan",
       "Dövlət İdarəçilik Akademiyası"),
    _i("academy-labour-social-relations", "Academy of Labor and Social Relations", K.ACADEMIC,
       "Academy of Labour and Social Relations"),
    _i("police-academy", "Police Academy of the Ministry of Internal Affairs", K.ACADEMIC, "Police Academy",
       "Polis Akademiyası", parent="min-internal-affairs"),
    _i("justice-academy", "Academy of Justice", K.ACADEMIC, "Justice Academy",
       "Academy of Justice of the Ministry of Justice", "Ədliyyə Akademiyası", parent="min-justice"),
    _i("prosecutor-general-training-centre", "Science and Training Center of the Prosecutor General's Office",
       K.ACADEMIC, "Science and Training Centre of the Prosecutor General's Office", parent="prosecutor-general"),
    _i("tabib", "Management Union of Medical Territorial Divisions", K.AGENCY,
       "Management Union of Medical Territorial Units", "TABIB", short="TƏBİB"),
    _i("sabunchu-executive-authority", "Sabunchu District Executive Authority", K.LOCAL_AUTHORITY,
       "Sabunchu district executive authorities", parent="city-district-executive-authorities"),
    _i("sabail-executive-authority", "Sabail District Executive Authority", K.LOCAL_AUTHORITY,
       "Sabail district executive authorities", parent="city-district-executive-authorities"),
    _i("minors-commission", "Commission on Minors and Protection of the Rights of Minors", K.LOCAL_AUTHORITY,
       "Commission on Minors' Affairs and Protection of Their Rights", parent="city-district-executive-authorities"),
    _i("cop29-organizing-committee", "Organizing Committee for the UN Climate Change Conference (COP29)", K.OTHER,
       "COP29 Organizing Committee"),
)  # fmt: skip

#: International bodies the program and the Ombudsman's documents name.
INTERNATIONAL: tuple[Institution, ...] = (
    _i("un", "United Nations", K.INTERNATIONAL, short="UN"),
    _i("un-human-rights-council", "UN Human Rights Council", K.INTERNATIONAL, "UN Council for Human Rights",
       "Human Rights Council", "United Nations Human Rights Council", parent="un"),
    _i("ohchr", "Office of the United Nations High Commissioner for Human Rights", K.INTERNATIONAL,
       "Office of the UN High Commissioner for Human Rights", short="OHCHR", parent="un"),
    _i("unhcr", "UN Refugee Agency", K.INTERNATIONAL, "High Commissioner for Refugees",
       "United Nations High Commissioner for Refugees", short="UNHCR", parent="un"),
    _i("unesco", "United Nations Educational, Scientific and Cultural Organization", K.INTERNATIONAL, short="UNESCO",
       parent="un"),
    _i("unicef", "United Nations Children's Fund", K.INTERNATIONAL, short="UNICEF", parent="un"),
    _i("ilo", "International Labour Organization", K.INTERNATIONAL, "International Labor Organization", short="ILO",
       parent="un"),
    _i("world-bank", "World Bank", K.INTERNATIONAL),
    _i("coe", "Council of Europe", K.INTERNATIONAL, short="CoE"),
    _i("coe-committee-of-ministers", "Committee of Ministers of the Council of Europe", K.INTERNATIONAL,
       "CoE Committee of Ministers", parent="coe"),
    _i("ecthr", "European Court of Human Rights", K.INTERNATIONAL, short="ECtHR", parent="coe"),
    _i("eu", "European Union", K.INTERNATIONAL, short="EU"),
    _i("osce", "Organization for Security and Co-operation in Europe", K.INTERNATIONAL,
       "Organization for Security and Cooperation in Europe", short="OSCE"),
    _i("oic", "Organization of Islamic Cooperation", K.INTERNATIONAL, short="OIC"),
    _i("ennhri", "European Network of National Human Rights Institutions", K.INTERNATIONAL, short="ENNHRI"),
    _i("ganhri", "Global Alliance of National Human Rights Institutions", K.INTERNATIONAL, short="GANHRI"),
)  # fmt: skip

#: Everything this plugin registers for "AZ".
INSTITUTIONS: tuple[Institution, ...] = (*PROGRAM_2012, *OMBUDSMAN_BODIES, *INTERNATIONAL)
