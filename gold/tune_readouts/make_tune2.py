"""Writes gold/tune_readouts/*.txt and gold/tune2.jsonl: fictional tuning readouts written by the
coder's tuner (issue 13, fourth round), annotated here; tuning data, not held-out."""
import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[2]  # the repository
OUT = ROOT / "gold" / "tune_readouts"
SCO19 = ["CN", "IN", "KG", "KZ", "PK", "RU", "TJ", "UZ"]
C5 = ["CN", "KG", "KZ", "TJ", "TM", "UZ"]
records = []

def ev(kind, countries, framework="bilateral", level=None, actors=(), date=None, location=None, topics=(), domains=()):
    return {"kind": kind, "countries": sorted(countries), "framework": framework, "level": level,
            "actors": [{"name": n, "office": o} for n, o in actors], "date": date, "location": location,
            "topics": sorted(topics), "domains": sorted(domains)}

def doc(name, lang, text, events, note, commentary=None):
    (OUT / f"{name}.txt").write_text(text.strip() + "\n", encoding="utf-8")
    relevant = bool(events) or commentary is not None
    first = events[0] if events else None
    countries = sorted({c for e in events for c in e["countries"]} | set((commentary or {}).get("countries", [])))
    topics = sorted({t for e in events for t in e["topics"]} | set((commentary or {}).get("topics", [])))
    domains = sorted({d for e in events for d in e["domains"]} | set((commentary or {}).get("domains", [])))
    actors, seen = [], set()
    for e in events:
        for a in e["actors"]:
            if a["name"] not in seen:
                seen.add(a["name"]); actors.append(a)
    records.append({
        "id": f"ro-{name}", "path": f"gold/tune_readouts/{name}.txt", "language": lang, "source_type": "readout",
        "relevant": relevant, "kind": first["kind"] if first else None, "countries": countries, "countries_all": countries,
        "framework": first["framework"] if first else None, "level": first["level"] if first else None,
        "actors": actors, "topics": topics, "domains": domains,
        "event_date": first["date"] if first else None, "location": first["location"] if first else None,
        "events": events, "note": note})

# ---------------------------------------------------------------- Russian
doc("t2_ru01_tj_border_operation", "ru", """
Пограничные войска ГКНБ Республики Таджикистан сообщают.
13 апреля 2021 года на таджикско-китайском участке государственной границы в Мургабском районе Горно-Бадахшанской автономной области пограничные подразделения Таджикистана и Китая провели совместную операцию по пресечению незаконного пересечения границы.
В ходе операции задержаны трое нарушителей, при них обнаружены наркотические средства.
Пограничники двух стран договорились продолжить обмен информацией об обстановке на таджикско-китайской границе.
""", [ev("joint_patrol_operation", ["CN", "TJ"], date="2021-04-13", location="Murghab",
         topics=["border_security", "drug_trafficking"], domains=["border_guard"])],
    "Tajik and Chinese border units' joint operation against illegal crossings on the TJ-CN border")

doc("t2_ru02_kg_mps_exercise", "ru", """
Совместные антитеррористические учения спецподразделений Министерства внутренних дел Кыргызской Республики и Министерства общественной безопасности КНР были проведены 20-24 мая 2019 года в Иссык-Кульской области.
По замыслу учений, условные террористы захватили объект туристической инфраструктуры; заложники были освобождены в ходе штурма.
Учения проведены в соответствии с планом сотрудничества правоохранительных органов двух государств.
""", [ev("bilateral_exercise", ["CN", "KG"], date="2019-05-20", location="Issyk-Kul",
         topics=["terrorism"], domains=["law_enforcement"])],
    "KG MVD and PRC MPS special units' counter-terrorist exercise (passive voice); hostage-taking is the scenario, not an incident")

doc("t2_ru03_kz_defence_talks", "ru", """
5 сентября 2018 года в Пекине состоялись переговоры министра обороны Республики Казахстан Нурлана Ермекбаева с министром обороны КНР Вэй Фэнхэ.
В ходе переговоров стороны обсудили вопросы военного и военно-технического сотрудничества, противодействия международному терроризму и ситуацию в Афганистане.
Министры отметили высокий уровень взаимодействия оборонных ведомств двух стран.
""", [ev("meeting", ["CN", "KZ"], level="defence_minister",
         actors=[("Nurlan Yermekbayev", "defence_minister"), ("Wei Fenghe", "defence_minister")],
         date="2018-09-05", location="Beijing", topics=["afghanistan", "terrorism"], domains=["defence_industry", "military"])],
    "Defence ministers' talks in Beijing (в ходе переговоров); military-technical cooperation discussed: defence_industry (codebook indicator)")

doc("t2_ru04_kg_tj_cn_cse", "ru", """
На горном полигоне Эдельвейс под Бишкеком 12 октября 2022 года завершились совместные командно-штабные учения подразделений вооруженных сил Кыргызстана, Таджикистана и Китая.
В учениях приняли участие более 600 военнослужащих трех государств. Отрабатывались вопросы уничтожения незаконных вооруженных формирований, проникших на территорию приграничных районов.
""", [ev("multilateral_exercise", ["CN", "KG", "TJ"], framework="other_multilateral", date="2022-10-12", location="Bishkek",
         topics=["border_security", "terrorism"], domains=["military"])],
    "Three-state command-staff exercise, no named framework: other_multilateral. 'незаконных вооруженных формирований' read as terrorism (armed groups penetrating border areas)")

doc("t2_ru05_uz_exercise_plan", "ru", """
Утверждён план проведения совместных учений пограничных ведомств Республики Узбекистан и Китайской Народной Республики на 2023 год.
Документ подписан по итогам рабочей встречи представителей Пограничных войск СГБ Узбекистана и Национальной иммиграционной администрации КНР, состоявшейся 14 декабря 2022 года в Ташкенте.
""", [ev("mechanism", ["CN", "UZ"], date="2022-12-14", location="Tashkent", topics=[], domains=["border_guard"]),
      ev("meeting", ["CN", "UZ"], level="vice_minister_working", date="2022-12-14", location="Tashkent", topics=[], domains=["border_guard"])],
    "Plan of joint exercises approved (the title: main event), signed at a working meeting of border officials (second event, guideline 3); no exercise took place")

doc("t2_ru06_kz_uav_jv", "ru", """
Министерство обороны и аэрокосмической промышленности Республики Казахстан и китайская авиастроительная корпорация подписали соглашение о создании совместного предприятия по сборке беспилотных летательных аппаратов.
Соглашение подписано 3 июня 2021 года в Нур-Султане. Первые аппараты планируется собрать в 2022 году.
""", [ev("mechanism", ["CN", "KZ"], date="2021-06-03", location="Nur-Sultan", topics=[], domains=["defence_industry"])],
    "Agreement on a joint venture assembling UAVs: mechanism, defence industry (no drone handed over)")

doc("t2_ru07_tj_mvd_cars", "ru", """
Министерству внутренних дел Республики Таджикистан переданы 50 патрульных автомобилей и партия средств связи, предоставленных Китайской Народной Республикой в рамках безвозмездной помощи.
Церемония передачи прошла 9 ноября 2020 года в Душанбе. Министр внутренних дел поблагодарил китайскую сторону за поддержку в обеспечении общественного порядка.
""", [ev("equipment_transfer", ["CN", "TJ"], date="2020-11-09", location="Dushanbe", topics=[], domains=["law_enforcement"])],
    "Passive handover of patrol cars to the Tajik MVD")

doc("t2_ru08_kg_phone_call", "ru", """
22 января 2021 года состоялся телефонный разговор Президента Кыргызской Республики Садыра Жапарова с Председателем КНР Си Цзиньпином.
Стороны обсудили вопросы обеспечения безопасности китайских предприятий и граждан, работающих в Кыргызстане, и подтвердили готовность совместно противостоять угрозам терроризма и экстремизма.
""", [ev("meeting", ["CN", "KG"], level="head_of_state",
         actors=[("Sadyr Japarov", "head_of_state"), ("Xi Jinping", "head_of_state")],
         date="2021-01-22", topics=["citizen_protection", "extremism", "investment_security", "terrorism"], domains=[])],
    "Presidents' phone call: security of Chinese firms and citizens, terrorism and extremism")

doc("t2_ru09_uz_training", "ru", """
В Академии МВД Республики Узбекистан 28 февраля 2019 года завершились двухнедельные курсы повышения квалификации для сотрудников подразделений по борьбе с наркотиками.
Занятия провели преподаватели Китайского народного университета общественной безопасности. Слушатели изучили методы выявления каналов контрабанды наркотиков.
""", [ev("training_education", ["CN", "UZ"], date="2019-02-28", location="Tashkent",
         topics=["drug_trafficking"], domains=["law_enforcement"])],
    "Chinese police-university lecturers train Uzbek anti-drug officers in Tashkent")

doc("t2_ru10_neg_tj_uz_exercise", "ru", """
На таджикско-узбекской границе 17 марта 2023 года прошли совместные учения пограничных войск Таджикистана и Узбекистана.
За ходом учений наблюдали военные атташе ряда государств, аккредитованные в Душанбе, в том числе Китая, России и США.
""", [], "Tajik-Uzbek exercise; China only among observing attachés: not relevant")

doc("t2_ru11_neg_kz_grain", "ru", """
Казахстан и Китай подписали соглашения о поставках зерна и растительного масла на общую сумму 300 млн долларов.
Документы подписаны 11 мая 2022 года в рамках заседания казахстанско-китайского комитета по сотрудничеству. Стороны также обсудили развитие транспортных коридоров.
""", [], "Trade agreements at the cooperation committee: economic, not relevant")

doc("t2_ru12_sco_border_chiefs", "ru", """
В Душанбе 25 апреля 2019 года состоялось заседание Совета руководителей пограничных ведомств государств - членов Шанхайской организации сотрудничества.
Участники заседания рассмотрели ход выполнения совместной пограничной операции и договорились усилить меры по противодействию незаконному пересечению границ и трансграничной преступности.
""", [ev("meeting", SCO19, framework="SCO", level="border_guard_chief", date="2019-04-25", location="Dushanbe",
         topics=["border_security"], domains=["border_guard"])],
    "SCO council of heads of border services: all members (guideline 2)")

doc("t2_ru13_tj_workers_attack", "ru", """
9 августа 2019 года в Айнинском районе Согдийской области группа местных жителей напала на граждан Китая, работающих на золоторудном месторождении; пятеро китайских граждан получили ранения.
Посольство КНР в Таджикистане потребовало от таджикской стороны обеспечить безопасность китайских граждан и предприятий и наказать виновных.
""", [ev("incident", ["CN", "TJ"], date="2019-08-09", location="Sughd",
         topics=["citizen_protection", "investment_security"], domains=[])],
    "Attack on Chinese mine workers; embassy asks for protection")

# ---------------------------------------------------------------- Chinese
doc("t2_zh01_cn_uz_exercise", "zh", """
2023年5月26日，中乌两军“帕米尔-2023”联合反恐演习在乌兹别克斯坦塔什干州落下帷幕。
演习以联合打击跨境恐怖组织为课题，双方参演官兵共计300余人。
""", [ev("bilateral_exercise", ["CN", "UZ"], date="2023-05-26", location="Tashkent",
         topics=["terrorism"], domains=["military"])],
    "PLA-Uzbek counter-terror exercise (联合反恐演习) ends")

doc("t2_zh02_four_state_drill", "zh", """
2019年8月13日，中国、哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦四国执法安全部门在新疆喀什举行联合反恐演练。
演练模拟处置劫持人质事件，检验了四国执法部门的联合指挥和情报交流能力。
""", [ev("multilateral_exercise", ["CN", "KG", "KZ", "TJ"], framework="other_multilateral", date="2019-08-13", location="Kashgar",
         topics=["terrorism"], domains=["law_enforcement", "state_security"])],
    "Four states' law-enforcement drill in Kashgar, no named framework")

doc("t2_zh03_wy_kz_call", "zh", """
2021年8月17日，国务委员兼外长王毅应约同哈萨克斯坦副总理兼外长特列乌别尔季通电话。
双方就阿富汗局势交换意见。王毅表示，中方愿同哈方加强沟通协调，共同防范恐怖主义势力在阿富汗坐大，维护地区安全稳定。
""", [ev("meeting", ["CN", "KZ"], level="foreign_minister",
         actors=[("Wang Yi", "foreign_minister"), ("Mukhtar Tileuberdi", "foreign_minister")],
         date="2021-08-17", topics=["afghanistan", "terrorism"], domains=[])],
    "FMs' phone call on Afghanistan")

doc("t2_zh04_lzc_tj_video", "zh", """
2021年10月20日，中央军委联合参谋部参谋长李作成在北京同塔吉克斯坦武装力量总参谋长举行视频会谈。
双方表示，将深化两军务实合作，共同维护边境地区安全稳定。
""", [ev("meeting", ["CN", "TJ"], level="chief_of_general_staff",
         actors=[("Li Zuocheng", "chief_of_general_staff")],
         date="2021-10-20", topics=["border_security"], domains=["military"])],
    "Chiefs of general staff video talks")

doc("t2_zh05_kg_military_trucks", "zh", """
2020年12月3日，中国政府援助吉尔吉斯斯坦武装力量的一批军用卡车和通信器材在比什凯克交付。
中国驻吉尔吉斯斯坦大使和吉国防部副部长出席交付仪式。
""", [ev("equipment_transfer", ["CN", "KG"], date="2020-12-03", location="Bishkek", topics=[], domains=["military"])],
    "Military trucks delivered (交付) to the Kyrgyz armed forces")

doc("t2_zh06_kz_border_monitoring", "zh", """
2022年6月15日，中方向哈萨克斯坦国家安全委员会边防局移交一批边境监控设备和越野车辆。
哈方表示，这批设备将用于哈中边境地区巡逻执勤。
""", [ev("equipment_transfer", ["CN", "KZ"], date="2022-06-15", topics=["border_security"], domains=["border_guard"])],
    "Monitoring equipment and vehicles handed over (移交) to the KNB border service")

doc("t2_zh07_tj_protocol", "zh", """
2017年8月31日，中国和塔吉克斯坦在杜尚别签订关于打击恐怖主义、分裂主义和极端主义的合作议定书。
根据议定书，两国主管部门将加强情报交流，联合打击“三股势力”。
""", [ev("mechanism", ["CN", "TJ"], date="2017-08-31", location="Dushanbe",
         topics=["three_evils"], domains=["state_security"])],
    "Protocol on the three evils signed (签订 议定书)")

doc("t2_zh08_tm_mou", "zh", """
2023年3月8日，国务委员、公安部部长王小洪在北京会见土库曼斯坦内务部长。
王小洪表示，中方愿同土方深化执法安全合作，共同打击跨国有组织犯罪。会见后，双方签署了两部警务合作谅解备忘录。
""", [ev("meeting", ["CN", "TM"], level="interior_public_security",
         actors=[("Wang Xiaohong", "interior_public_security")],
         date="2023-03-08", location="Beijing", topics=["organized_crime"], domains=["law_enforcement"]),
      ev("mechanism", ["CN", "TM"], date="2023-03-08", location="Beijing", topics=[], domains=["law_enforcement"])],
    "Public security minister meets the Turkmen interior minister; MoU signed after")

doc("t2_zh09_kg_police_study", "zh", """
2018年4月10日，首批20名吉尔吉斯斯坦警官抵达北京，参加为期一个月的反恐业务研修。
研修由中国公安部组织，内容包括反恐情报研判和突发事件处置。
""", [ev("training_education", ["CN", "KG"], date="2018-04-10", location="Beijing",
         topics=["terrorism"], domains=["law_enforcement"])],
    "Kyrgyz police officers' counter-terror study (研修) organised by the MPS")

doc("t2_zh10_neg_kz_us_exercise", "zh", """
问：据报道，哈萨克斯坦与美国近日举行了“草原之鹰”联合演习。中方对此有何评论？
答：我们注意到有关报道。我们一贯认为，国家间的军事合作不应针对第三方，应有利于地区和平稳定。
""", [], "KZ-US exercise asked about; China comments only generally: not relevant (guideline 3)")

doc("t2_zh11_neg_uz_trade", "zh", """
2022年9月15日，中国与乌兹别克斯坦在撒马尔罕签署农产品贸易协议和投资合作备忘录。
双方同意扩大乌方樱桃、葡萄干等农产品对华出口。
""", [], "Trade agreements: economic, not relevant")

doc("t2_zh12_neg_cn_ru_drill", "zh", """
2023年7月20日，中俄“北部·联合-2023”演习在日本海举行。
演习期间，蒙古国、哈萨克斯坦派员观摩。国防部新闻发言人表示，此次演习不针对第三方。
""", [], "China-Russia drill; Kazakhstan only an observer: not relevant")

doc("t2_zh13_c5_fm", "zh", """
2023年4月27日，第四次中国+中亚五国外长会晤在西安举行，国务委员兼外长秦刚主持会晤。
各方表示，将坚决打击恐怖主义、分裂主义、极端主义“三股势力”，共同应对阿富汗局势外溢风险。
""", [ev("meeting", C5, framework="C5+China", level="foreign_minister", actors=[("Qin Gang", "foreign_minister")],
         date="2023-04-27", location="Xi'an", topics=["afghanistan", "three_evils"], domains=[])],
    "China+C5 foreign ministers' meeting in Xi'an")

doc("t2_zh14_kg_protest", "zh", """
中国驻吉尔吉斯斯坦使馆2019年8月12日发布提醒：近日，吉尔吉斯斯坦纳伦州发生针对中国企业的抗议活动，部分中方人员受伤。
使馆已向吉方提出交涉，要求吉方采取有效措施保障中国公民和企业的安全。
""", [ev("incident", ["CN", "KG"], date="2019-08", location="Naryn",
         topics=["anti_china_sentiment", "citizen_protection", "investment_security"], domains=[])],
    "Protest against a Chinese firm in Naryn; embassy protests to KG")

# ---------------------------------------------------------------- English
doc("t2_en01_tj_border_drill", "en", """
Chinese and Tajik border guards stage drill near Kulma Pass

DUSHANBE, July 8, 2021 - Border guards of China and Tajikistan held a joint drill near the Kulma Pass on Tuesday, rehearsing the interception of armed groups trying to cross the frontier.
Officials said the exercise was aimed at strengthening border security along the mountainous 477-km border.
""", [ev("bilateral_exercise", ["CN", "TJ"], date="2021-07-06", location="Kulma Pass",
         topics=["border_security"], domains=["border_guard"])],
    "Border guards' joint drill (news style; 'on Tuesday' before the dateline)")

doc("t2_en02_kz_armoured_vehicles", "en", """
Kazakhstan receives Chinese armoured vehicles

ASTANA, March 2, 2023 - Kazakhstan's Defence Ministry has taken delivery of a batch of armoured personnel carriers provided by Beijing as part of a military aid package, the ministry said on Thursday.
The vehicles will be used by units guarding the country's southern borders.
""", [ev("equipment_transfer", ["CN", "KZ"], date="2023-03-02", location="Astana",
         topics=["border_security"], domains=["military"])],
    "APCs delivered as military aid (news style, passive)")

doc("t2_en03_uz_mps_talks", "en", """
TASHKENT, Oct 15, 2019 - Uzbekistan's Interior Minister held talks with China's Minister of Public Security Zhao Kezhi in Beijing on Monday.
The two sides signed a memorandum on cooperation in combating drug trafficking and cross-border organised crime.
""", [ev("meeting", ["CN", "UZ"], level="interior_public_security", actors=[("Zhao Kezhi", "interior_public_security")],
         date="2019-10-14", location="Beijing", topics=["drug_trafficking", "organized_crime"], domains=["law_enforcement"]),
      ev("mechanism", ["CN", "UZ"], date="2019-10-14", location="Beijing",
         topics=["drug_trafficking", "organized_crime"], domains=["law_enforcement"])],
    "Interior/public security ministers' talks and a memorandum")

doc("t2_en04_kg_drug_ring", "en", """
Kyrgyz, Chinese police dismantle heroin smuggling ring

BISHKEK, June 4, 2020 - Police in Kyrgyzstan and China have dismantled a cross-border heroin smuggling network following a joint investigation, Kyrgyzstan's Interior Ministry said.
Eleven suspects were detained in Osh and in Xinjiang and more than 40 kg of heroin was seized.
""", [ev("joint_patrol_operation", ["CN", "KG"], date="2020-06-04", location="Osh",
         topics=["drug_trafficking"], domains=["law_enforcement"])],
    "Joint investigation of a heroin ring (date: of the report)")

doc("t2_en05_neg_kz_uz_border_pact", "en", """
Kazakhstan, Uzbekistan sign border security pact

ASTANA, Dec 22, 2022 - Kazakhstan and Uzbekistan signed an agreement on the demarcation and security of their common border during a visit by the Uzbek president.
Russia, China and the United States welcomed the deal, according to statements released by their embassies.
""", [], "KZ-UZ border pact; China only welcomed it: not relevant")

doc("t2_en06_tj_security_chiefs", "en", """
DUSHANBE, May 16, 2023 - The chairman of Tajikistan's State Committee for National Security met China's Minister of State Security Chen Yixin in Dushanbe.
The security chiefs discussed the threat posed by militants in Afghanistan and agreed to step up intelligence sharing.
""", [ev("meeting", ["CN", "TJ"], level="state_security_intelligence",
         actors=[("Chen Yixin", "state_security_intelligence")],
         date="2023-05-16", location="Dushanbe", topics=["afghanistan", "terrorism"], domains=["state_security"])],
    "Security chiefs' meeting on Afghan militants")

doc("t2_en07_tj_outpost", "en", """
China-funded border outpost opens in Tajikistan's Murghab district

A new border outpost built with Chinese funding was handed over to Tajikistan's Border Troops in Murghab district on September 2, 2020.
The facility includes barracks, a medical post and surveillance equipment and will help secure the border with Afghanistan.
""", [ev("infrastructure", ["CN", "TJ"], date="2020-09-02", location="Murghab",
         topics=["afghanistan", "border_security"], domains=["border_guard"])],
    "Border outpost built with Chinese funding handed over")

doc("t2_en08_neg_kg_turkish_drones", "en", """
Q: Kyrgyzstan is reported to be buying Turkish Bayraktar drones. Is China concerned?
A: I'm not aware of what you mentioned. China and Kyrgyzstan are comprehensive strategic partners and our relations are not targeted at any third party.
""", [], "Kyrgyz purchase of Turkish drones asked about; China only comments on relations: not relevant")


# ---------------------------------------------------------------- second batch (written after
# the first round of fixes and scored once before any further change: see gold/README.md)
SCO23 = ["CN", "IN", "KG", "KZ", "PK", "RU", "TJ", "UZ"]

doc("t2_b01_zh_tj_exercise_confirmed", "zh", """
问：据报道，中国和塔吉克斯坦将在两国边境地区举行联合反恐演习。你能否证实？
答：据我了解，中塔两国有关部门将于近期举行联合反恐演习。这是两国年度防务合作计划内的项目，不针对第三方。
""", [ev("bilateral_exercise", ["CN", "TJ"], date=None, topics=["terrorism"], domains=["military"])],
    "Exercise asked about and confirmed by the spokesperson (announced, no date)")

doc("t2_b02_en_wxh_visit", "en", """
Q: Uzbek media reported that China's Minister of Public Security will visit Tashkent. Can you give us more details?
A: At the invitation of the Uzbek Interior Ministry, State Councilor and Minister of Public Security Wang Xiaohong will pay an official visit to Uzbekistan from April 10 to 12, 2023. During the visit, he will meet Uzbek leaders and hold talks on law-enforcement and security cooperation.
""", [ev("meeting", ["CN", "UZ"], level="interior_public_security", actors=[("Wang Xiaohong", "interior_public_security")],
         date="2023-04-10", location="Tashkent", topics=[], domains=["law_enforcement"])],
    "Announced official visit of the public security minister")

doc("t2_b03_zh_kg_exercise_western", "zh", """
2023年9月2日，应吉尔吉斯斯坦国防部邀请，中国人民解放军西部战区派出约200名官兵赴吉参加“合作-2023”中吉联合反恐演习。
演习将持续至9月10日，双方将演练山地条件下联合清剿恐怖分子。
""", [ev("bilateral_exercise", ["CN", "KG"], date="2023-09-02", topics=["terrorism"], domains=["military"])],
    "PLA Western Theater troops at a China-Kyrgyz exercise in Kyrgyzstan (not domestic capacity)")

doc("t2_b04_ru_kz_subcommission", "ru", """
В Астане 18 октября 2019 года прошло очередное заседание казахстанско-китайской подкомиссии по сотрудничеству в области безопасности.
Стороны обсудили вопросы противодействия терроризму и незаконному обороту наркотиков, а также взаимодействия правоохранительных органов двух стран.
""", [ev("meeting", ["CN", "KZ"], level="vice_minister_working", date="2019-10-18", location="Astana",
         topics=["drug_trafficking", "terrorism"], domains=["law_enforcement"])],
    "Session of the KZ-CN security subcommission (a meeting of the body)")

doc("t2_b05_zh_tm_counterterror_kit", "zh", """
2018年11月6日，中国政府向土库曼斯坦国家安全部无偿提供的一批反恐技术装备交接仪式在阿什哈巴德举行。
土方表示，这批装备将有效提升土库曼斯坦打击恐怖主义的能力。
""", [ev("equipment_transfer", ["CN", "TM"], date="2018-11-06", location="Ashgabat",
         topics=["terrorism"], domains=["state_security"])],
    "Counter-terror equipment handed to Turkmenistan's Ministry of National Security (国家安全部 of TM, not the PRC MSS)")

doc("t2_b06_en_kz_extradition", "en", """
Kazakhstan hands over terrorism suspect to China

ALMATY, Feb 14, 2019 - Kazakhstan's Prosecutor General's Office said it had handed over to China a man wanted on terrorism charges, under the bilateral extradition treaty.
""", [ev("joint_patrol_operation", ["CN", "KZ"], date="2019-02-14", topics=["terrorism"], domains=["judicial"])],
    "Extradition carried out (handed over to China)")

doc("t2_b07_ru_neg_uz_ru_call", "ru", """
Президент Узбекистана провел телефонный разговор с Президентом России 16 августа 2021 года.
Стороны обсудили ситуацию в Афганистане и меры по обеспечению безопасности на границах.
""", [], "UZ-RU call: China not involved")

doc("t2_b08_en_tj_border_posts", "en", """
Construction of three border posts funded by China began on the Tajik-Afghan border in Gorno-Badakhshan on October 26, 2016, Tajikistan's Border Troops said.
The posts will house Tajik border guards and help stop drug smuggling from Afghanistan.
""", [ev("infrastructure", ["CN", "TJ"], date="2016-10-26", location="Gorno-Badakhshan",
         topics=["afghanistan", "border_security", "drug_trafficking"], domains=["border_guard"])],
    "China-funded border posts on the Tajik-Afghan border")

doc("t2_b09_ru_sco_defence", "ru", """
В Москве 28 апреля 2023 года состоялось совещание министров обороны государств – членов ШОС.
Делегацию Китая возглавлял министр обороны КНР Ли Шанфу. Министры обсудили угрозы международного терроризма и ситуацию в Афганистане.
""", [ev("meeting", SCO23, framework="SCO", level="defence_minister", actors=[("Li Shangfu", "defence_minister")],
         date="2023-04-28", location="Moscow", topics=["afghanistan", "terrorism"], domains=["military"])],
    "SCO defence ministers' meeting in Moscow (all members, guideline 2)")

doc("t2_b10_zh_tm_ndu_graduates", "zh", """
2019年7月3日，15名土库曼斯坦军官从中国人民解放军国防大学毕业。
土库曼斯坦驻华大使出席毕业典礼，感谢中方为土培养军事人才。
""", [ev("training_education", ["CN", "TM"], date="2019-07-03", location="Beijing", topics=[], domains=["military"])],
    "Turkmen officers graduate from the PLA NDU (the ambassador attends the graduation)")

doc("t2_b11_en_neg_bus_crash", "en", """
A bus carrying Chinese tourists overturned near Lake Issyk-Kul in Kyrgyzstan on June 3, 2019, injuring 12 people.
The Chinese embassy in Bishkek sent staff to the hospital and asked the Kyrgyz side to help treat the injured.
""", [], "Road accident with Chinese tourists: consular, not security")

doc("t2_b12_zh_tj_kidnapping", "zh", """
问：有报道称，两名中国公民在塔吉克斯坦遭绑架。你能否证实？
答：我们已经注意到有关报道。中国驻塔吉克斯坦使馆已启动应急机制，要求塔方全力解救被绑架人员，切实保障在塔中国公民安全。
""", [ev("incident", ["CN", "TJ"], date=None, topics=["citizen_protection"], domains=[])],
    "Kidnapping of Chinese citizens; the answer treats it as having happened")

doc("t2_b13_en_c5_summit", "en", """
Xi Jinping chaired the first China-Central Asia Summit in Xi'an on May 19, 2023.
The leaders signed the Xi'an Declaration and agreed to jointly fight terrorism, separatism and extremism.
""", [ev("meeting", C5, framework="C5+China", level="head_of_state", actors=[("Xi Jinping", "head_of_state")],
         date="2023-05-19", location="Xi'an", topics=["three_evils"], domains=[]),
      ev("mechanism", C5, framework="C5+China", level=None, date="2023-05-19", location="Xi'an", topics=["three_evils"], domains=[])],
    "China-Central Asia summit and its declaration")

doc("t2_b14_zh_kz_vice_ministers", "zh", """
2019年3月12日，公安部副部长在北京会见哈萨克斯坦内务部副部长一行，双方就打击电信诈骗和跨境赌博等犯罪交换意见。
""", [ev("meeting", ["CN", "KZ"], level="vice_minister_working", date="2019-03-12", location="Beijing",
         topics=["organized_crime"], domains=["law_enforcement"])],
    "Vice ministers of public security / interior meet on telecom fraud")

doc("t2_b15_en_wfh_kg_call", "en", """
Chinese Defence Minister Wei Fenghe held a telephone conversation with his Kyrgyz counterpart on May 14, 2020, discussing COVID-19 cooperation between the two militaries and regional security.
""", [ev("meeting", ["CN", "KG"], level="defence_minister", actors=[("Wei Fenghe", "defence_minister")],
         date="2020-05-14", topics=["public_health"], domains=["military"])],
    "Defence ministers' phone call on COVID-19 cooperation between the militaries")


# ---------------------------------------------------------------- third batch: MFA answers in
# Chinese and English (written after the second round of fixes, scored once before any change)
SCO19 = ["CN", "IN", "KG", "KZ", "PK", "RU", "TJ", "UZ"]

doc("t2_c01_zh_tokayev_visit", "zh", """
问：哈萨克斯坦总统托卡耶夫将对中国进行国事访问。请介绍此访安排和中方期待。
答：应国家主席习近平邀请，哈萨克斯坦共和国总统托卡耶夫将于9月10日至12日对中国进行国事访问。访问期间，习近平主席将同托卡耶夫总统举行会谈。两国元首将就双边关系、共建“一带一路”以及打击“三股势力”、维护地区安全等问题深入交换意见。
""", [ev("meeting", ["CN", "KZ"], level="head_of_state",
         actors=[("Kassym-Jomart Tokayev", "head_of_state"), ("Xi Jinping", "head_of_state")],
         date=None, location="Beijing", topics=["three_evils"], domains=[])],
    "Announced state visit (year not given: date null); three evils on the agenda")

doc("t2_c02_en_wy_sco_fm", "en", """
Q: Can you share more information about State Councilor and Foreign Minister Wang Yi's attendance at the SCO foreign ministers' meeting?
A: The Meeting of the Council of Foreign Ministers of the Shanghai Cooperation Organization will be held in Bishkek on May 21 and 22, 2019. State Councilor and Foreign Minister Wang Yi will attend the meeting. The ministers will exchange views on the SCO's cooperation in security, economy and people-to-people exchange, and on the situation in Afghanistan.
""", [ev("meeting", SCO19, framework="SCO", level="foreign_minister", actors=[("Wang Yi", "foreign_minister")],
         date="2019-05-21", location="Bishkek", topics=["afghanistan"], domains=[])],
    "SCO Council of Foreign Ministers announced: all members")

doc("t2_c03_zh_kz_repatriation_comment", "zh", """
问：有报道称，哈萨克斯坦一家法院判决将一名非法越境的中国公民遣返中国。中方有何评论？
答：我不了解你提到的具体情况。中哈两国在执法安全领域一直保持良好合作，我们相信哈方会依法妥善处理有关问题。
""", [], "Repatriation reported but not confirmed; answered in general terms: relevant commentary (guideline 4)",
    commentary={"countries": ["CN", "KZ"], "topics": ["border_security"], "domains": ["law_enforcement"]})

doc("t2_c04_zh_neg_railway", "zh", """
问：中吉乌铁路项目最新进展如何？
答：中吉乌铁路是中国同吉尔吉斯斯坦、乌兹别克斯坦三国互联互通的重要项目。三方正在积极推进项目可行性研究，争取早日开工建设。
""", [], "China-Kyrgyzstan-Uzbekistan railway: economic, not relevant")

doc("t2_c05_en_neg_covid_aid", "en", """
Q: How many Central Asian countries has China helped in fighting COVID-19?
A: China has sent medical expert teams to Kazakhstan, Kyrgyzstan and Uzbekistan and provided test kits, masks and ventilators to all five Central Asian countries. We will continue to support them in combating the pandemic.
""", [], "Civilian COVID aid: not security (guideline 3)")

doc("t2_c06_zh_afghan_neighbours", "zh", """
2021年10月27日，国务委员兼外长王毅出席第二次阿富汗邻国外长会。巴基斯坦、伊朗、塔吉克斯坦、土库曼斯坦、乌兹别克斯坦外长与会。
各方呼吁阿富汗塔利班采取有效措施打击一切恐怖主义势力，防止阿富汗局势外溢。
""", [ev("meeting", ["CN", "IR", "PK", "TJ", "TM", "UZ"], framework="other_multilateral", level="foreign_minister",
         actors=[("Wang Yi", "foreign_minister")], date="2021-10-27", topics=["afghanistan", "terrorism"], domains=[])],
    "Foreign ministers of Afghanistan's neighbours (video meeting; IR and PK take part)")

doc("t2_c07_ru_kg_fm_talks", "ru", """
Министр иностранных дел Кыргызской Республики Жээнбек Кулубаев провел переговоры с Членом Госсовета, Министром иностранных дел КНР Ван И в Чолпон-Ате 13 октября 2022 года.
Стороны обменялись мнениями о ситуации на кыргызско-таджикской границе и в Афганистане, договорились укреплять сотрудничество в сфере безопасности.
""", [ev("meeting", ["CN", "KG"], level="foreign_minister",
         actors=[("Jeenbek Kulubaev", "foreign_minister"), ("Wang Yi", "foreign_minister")],
         date="2022-10-13", location="Cholpon-Ata", topics=["afghanistan", "border_security"], domains=[])],
    "Kyrgyz and Chinese foreign ministers' talks: border and Afghanistan discussed")

doc("t2_c08_zh_border_joint_commission", "zh", """
2018年6月5日，中哈边界联合委员会第十二次会议在阿斯塔纳举行。双方回顾了两国边界联合检查工作，就界桩维护和边境管理等问题达成共识。
""", [ev("meeting", ["CN", "KZ"], level="vice_minister_working", date="2018-06-05", location="Astana",
         topics=["border_demarcation", "border_security"], domains=[])],
    "China-Kazakhstan joint border commission session")

doc("t2_c09_en_cica_summit", "en", """
Q: Who will attend the Fifth CICA Summit in Dushanbe?
A: At the invitation of President Emomali Rahmon of Tajikistan, President Xi Jinping will attend the Fifth Summit of the Conference on Interaction and Confidence-Building Measures in Asia in Dushanbe on June 15, 2019, and pay a state visit to Tajikistan.
""", [ev("meeting", ["CN", "TJ"], framework="CICA", level="head_of_state",
         actors=[("Xi Jinping", "head_of_state"), ("Emomali Rahmon", "head_of_state")],
         date="2019-06-15", location="Dushanbe", topics=["arms_control_cbm"], domains=[])],
    "CICA summit announced; its name says what it is about (confidence-building measures, as the RATS's name says terrorism in tests/extract); the members beyond TJ are not named nor implied")

doc("t2_c10_zh_consular_consultation", "zh", """
2019年11月20日，中国和乌兹别克斯坦外交部在塔什干举行领事磋商，双方就加强两国公民在对方国家的安全保护、打击非法移民等问题交换意见。
""", [ev("meeting", ["CN", "UZ"], level="vice_minister_working", date="2019-11-20", location="Tashkent",
         topics=["citizen_protection", "illegal_migration"], domains=[])],
    "Consular consultations on citizens' safety and illegal migration")

doc("t2_c11_en_kg_embassy_attack_anniv", "en", """
Q: Three years after the attack on the Chinese embassy in Bishkek, has Kyrgyzstan brought those responsible to justice?
A: The Kyrgyz side has made important progress in investigating the case. China will continue to work with Kyrgyzstan to combat terrorism and ensure the safety of Chinese institutions and personnel.
""", [], "Investigation of a past attack: commentary on CN-KG counter-terrorism cooperation",
    commentary={"countries": ["CN", "KG"], "topics": ["citizen_protection", "terrorism"], "domains": []})

doc("t2_c12_zh_neg_ethnic_kazakh", "zh", """
问：一些西方媒体报道称，新疆哈萨克族人在“教培中心”受到迫害。你对此有何评论？
答：这纯属捏造。新疆依法设立的职业技能教育培训中心是预防性反恐和去极端化举措，受到各族群众的支持。
""", [], "Xinjiang rebuttal about ethnic Kazakhs: no Central Asian state (guideline 3)")

doc("t2_c13_ru_uz_cn_interior_video", "ru", """
9 июня 2020 года министр внутренних дел Узбекистана Пулат Бобожонов провел видеоконференцию с министром общественной безопасности Китая Чжао Кэчжи.
Стороны обсудили взаимодействие в борьбе с транснациональной преступностью и незаконным оборотом наркотиков.
""", [ev("meeting", ["CN", "UZ"], level="interior_public_security", actors=[("Zhao Kezhi", "interior_public_security")],
         date="2020-06-09", topics=["drug_trafficking", "organized_crime"], domains=["law_enforcement"])],
    "Interior ministers' video conference")

doc("t2_c14_zh_tm_gas_pipeline_security", "zh", """
2019年9月3日，中国驻土库曼斯坦大使会见土库曼斯坦国家安全部长，双方就保障中土天然气管道安全、加强安全领域合作交换意见。
""", [ev("meeting", ["CN", "TM"], level="other", date="2019-09-03",
         topics=["investment_security"], domains=["state_security"])],
    "Ambassador meets Turkmenistan's security minister on pipeline security (中土 is Turkmenistan here)")

doc("t2_c15_en_neg_astana_syria", "en", """
Q: The new round of Astana talks on Syria opened in Nur-Sultan today. What is China's position?
A: China supports the Astana process and hopes all parties will push for a political settlement of the Syrian issue.
""", [], "Kazakhstan only the venue of the Syria talks")


# ---------------------------------------------------------------- fourth batch: trips with
# several events, lists, a meeting told twice (written after the third round of fixes, scored
# once before any change)
SCO22 = ["CN", "IN", "KG", "KZ", "PK", "RU", "TJ", "UZ"]

doc("t2_d01_zh_xi_trip_sco_cica", "zh", """
外交部发言人宣布：应吉尔吉斯共和国总统热恩别科夫、塔吉克斯坦共和国总统拉赫蒙邀请，国家主席习近平将于2019年6月12日至16日出席在比什凯克举行的上海合作组织成员国元首理事会第十九次会议并对吉尔吉斯斯坦进行国事访问，出席在杜尚别举行的亚洲相互协作与信任措施会议第五次峰会并对塔吉克斯坦进行国事访问。
""", [ev("meeting", SCO19, framework="SCO", level="head_of_state",
         actors=[("Xi Jinping", "head_of_state")], date="2019-06-12", location="Bishkek"),
      ev("meeting", ["CN", "KG"], level="head_of_state",
         actors=[("Xi Jinping", "head_of_state"), ("Sooronbay Jeenbekov", "head_of_state")], date="2019-06-12", location="Bishkek"),
      ev("meeting", ["CN", "TJ"], framework="CICA", level="head_of_state",
         actors=[("Xi Jinping", "head_of_state")], date="2019-06-14", location="Dushanbe", topics=["arms_control_cbm"]),
      ev("meeting", ["CN", "TJ"], level="head_of_state",
         actors=[("Xi Jinping", "head_of_state"), ("Emomali Rahmon", "head_of_state")], date="2019-06-14", location="Dushanbe")],
    "Xi's trip: SCO summit (main, named first), state visits, CICA summit; no agenda: the only topic is the CICA's name (confidence-building)")

doc("t2_d02_en_xi_samarkand", "en", """
At the invitation of President Shavkat Mirziyoyev, President Xi Jinping will attend the 22nd Meeting of the Council of Heads of State of the Shanghai Cooperation Organization in Samarkand and pay a state visit to Uzbekistan from September 14 to 16, 2022. At the invitation of President Kassym-Jomart Tokayev, President Xi will also pay a state visit to Kazakhstan on September 14.
""", [ev("meeting", SCO22, framework="SCO", level="head_of_state", actors=[("Xi Jinping", "head_of_state")],
         date="2022-09-14", location="Samarkand"),
      ev("meeting", ["CN", "UZ"], level="head_of_state",
         actors=[("Xi Jinping", "head_of_state"), ("Shavkat Mirziyoyev", "head_of_state")], date="2022-09-14", location="Samarkand"),
      ev("meeting", ["CN", "KZ"], level="head_of_state",
         actors=[("Xi Jinping", "head_of_state"), ("Kassym-Jomart Tokayev", "head_of_state")], date="2022-09-14", location="Astana")],
    "SCO summit in Samarkand with state visits to UZ and KZ")

doc("t2_d03_en_neg_gsi_list", "en", """
Q: How many countries support the Global Security Initiative?
A: More than 80 countries and regional organizations, including Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan, Pakistan, Cambodia, Nicaragua, Serbia and South Africa, have expressed their appreciation and support for the initiative.
""", [], "Central Asian states only in a long list of supporters of a Chinese initiative: not relevant")

doc("t2_d04_zh_wy_muhriddin_twice", "zh", """
问：能否介绍王毅国务委员同塔吉克斯坦外长会谈的情况？
答：2021年6月5日，王毅国务委员兼外长在北京同塔吉克斯坦外长穆赫里丁举行会谈。王毅表示，中方愿同塔方加强安全合作，共同打击“三股势力”，维护两国边境地区安全。穆赫里丁表示，塔方愿同中方深化执法安全合作。
会谈后，王毅同穆赫里丁共同会见记者。
""", [ev("meeting", ["CN", "TJ"], level="foreign_minister",
         actors=[("Wang Yi", "foreign_minister"), ("Sirojiddin Muhriddin", "foreign_minister")],
         date="2021-06-05", location="Beijing", topics=["border_security", "three_evils"], domains=["law_enforcement"])],
    "One FMs' meeting, told in the question, the answer and the press appearance after it")

doc("t2_d05_en_rats_council", "en", """
The Council of the SCO Regional Anti-Terrorist Structure held its 38th meeting in Tashkent on April 3, 2021. Representatives of the competent authorities of India, Kazakhstan, China, Kyrgyzstan, Pakistan, Russia, Tajikistan and Uzbekistan took part and approved a plan of joint counter-terrorism measures.
""", [ev("meeting", SCO22, framework="SCO", level="state_security_intelligence", date="2021-04-03", location="Tashkent",
         topics=["terrorism"], domains=["law_enforcement", "state_security"]),
      ev("mechanism", SCO22, framework="SCO", date="2021-04-03", location="Tashkent", topics=["terrorism"], domains=["law_enforcement", "state_security"])],
    "RATS Council session (domains as dev's RATS council: the members' competent authorities); the plan it approved is a second event (guideline 3)")

doc("t2_d06_zh_qccm", "zh", """
2017年8月3日，中国、阿富汗、巴基斯坦、塔吉克斯坦四国军队反恐合作协调机制第二次高级领导人会议在乌鲁木齐举行。
四国军队总参谋长级代表就加强反恐情报交流、联合培训和边境管控等议题深入交换意见。
""", [ev("meeting", ["AF", "CN", "PK", "TJ"], framework="other_multilateral", level="chief_of_general_staff",
         date="2017-08-03", location="Urumqi", topics=["afghanistan", "border_security", "terrorism"], domains=["military"])],
    "QCCM high-level meeting of four militaries (afghanistan as in dev's QCCM record)")

doc("t2_d07_en_neg_tm_president", "en", """
Q: Turkmenistan has elected a new president. What is China's comment?
A: China congratulates Serdar Berdimuhamedov on his election as President of Turkmenistan. China is ready to work with Turkmenistan to deepen our strategic partnership.
""", [], "Election congratulated: leadership transition, no security content")

doc("t2_d08_en_kg_antiriot_gear", "en", """
BISHKEK, Nov 11, 2021 - Kyrgyzstan's National Guard has received a batch of Chinese-made anti-riot equipment, including helmets and shields, under a grant agreement with China signed last year.
""", [ev("equipment_transfer", ["CN", "KG"], date="2021-11-11", location="Bishkek", topics=[], domains=["paramilitary"])],
    "Anti-riot equipment received under a Chinese grant")

doc("t2_d09_zh_neg_kz_consultation", "zh", """
2021年4月20日，中国同哈萨克斯坦举行第二轮外交部磋商，双方就两国关系、经贸合作、人文交流等问题交换意见。
""", [], "Foreign ministries' consultations on relations, trade and culture: no security content")

doc("t2_d10_en_uz_strategic_dialogue", "en", """
Chinese Foreign Minister Wang Yi and Uzbek Foreign Minister Abdulaziz Kamilov held the first strategic dialogue between the two foreign ministries in Beijing on June 27, 2021, focusing on counter-terrorism cooperation and the situation in Afghanistan.
""", [ev("meeting", ["CN", "UZ"], level="foreign_minister",
         actors=[("Wang Yi", "foreign_minister"), ("Abdulaziz Kamilov", "foreign_minister")],
         date="2021-06-27", location="Beijing", topics=["afghanistan", "terrorism"], domains=[])],
    "FMs' strategic dialogue on counter-terrorism and Afghanistan")


# ---------------------------------------------------------------- fifth batch: states named
# but not acting, aid that is not security (written after the fourth round, scored once first)

doc("t2_e01_zh_neg_civil_building", "zh", """
2019年9月1日，中国政府援建的塔吉克斯坦议会大楼和政府办公楼项目举行奠基仪式。两国元首共同出席。该项目是中塔两国友好合作的新标志。
""", [], "Parliament and government buildings built with Chinese aid: civilian, not security")

doc("t2_e02_zh_four_state_border_meeting", "zh", """
2018年10月16日，中国、哈萨克斯坦、蒙古国、俄罗斯四国边防部门负责人会晤在乌鲁木齐举行，各方就联合打击跨境犯罪、加强边境管控交换意见。
""", [ev("meeting", ["CN", "KZ", "MN", "RU"], framework="other_multilateral", level="border_guard_chief",
         date="2018-10-16", location="Urumqi", topics=["border_security"], domains=["border_guard"])],
    "Four border services' chiefs meet: several states, no named framework; cross-border crime is border security (as in ru12)")

doc("t2_e03_zh_uz_unrest_advisory", "zh", """
2022年7月3日，中国驻乌兹别克斯坦使馆发布提醒：近日，乌兹别克斯坦卡拉卡尔帕克斯坦共和国努库斯市发生骚乱，造成人员伤亡。使馆提醒在乌中国公民密切关注当地安全形势，加强安全防范。
""", [ev("incident", ["CN", "UZ"], date="2022-07", location="Nukus",
         topics=["citizen_protection", "regime_stability"], domains=[])],
    "Unrest in Nukus; the embassy warns Chinese citizens (the riot is 'recent': month only)")

doc("t2_e04_en_neg_ambassadors_briefing", "en", """
Vice Foreign Minister Sun Weidong met the ambassadors of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan in Beijing on May 5, 2023, and briefed them on the preparations for the China-Central Asia Summit.
""", [], "Ambassadors briefed on summit preparations: no security content")

doc("t2_e05_ru_kz_knb_mss", "ru", """
В Пекине 11 июля 2019 года состоялись переговоры Председателя Комитета национальной безопасности Республики Казахстан с Министром государственной безопасности КНР. Стороны договорились расширить обмен информацией о деятельности международных террористических организаций.
""", [ev("meeting", ["CN", "KZ"], level="state_security_intelligence", date="2019-07-11", location="Beijing",
         topics=["terrorism"], domains=["state_security"])],
    "Security chiefs' talks in Beijing")

doc("t2_e06_en_kg_investment_wg", "en", """
BISHKEK, March 15, 2023 - China and Kyrgyzstan agreed to set up a joint working group on the security of Chinese investment projects after a spate of attacks on Chinese-run mines, Kyrgyzstan's Cabinet said.
""", [ev("mechanism", ["CN", "KG"], date="2023-03-15", topics=["investment_security"], domains=[])],
    "Joint working group set up on the security of Chinese investment")

doc("t2_e07_zh_tj_outpost_agreement", "zh", """
2016年9月26日，中塔两国在杜尚别签署关于在塔吉克斯坦境内援建边防哨所的协议。根据协议，中方将为塔方援建数座边防哨所和训练中心。
""", [ev("mechanism", ["CN", "TJ"], date="2016-09-26", location="Dushanbe", topics=["border_security"], domains=["border_guard"])],
    "Agreement on building border outposts signed: the agreement is the event, the outposts are planned")

doc("t2_e08_ru_kg_prosecutors", "ru", """
Генеральная прокуратура Кыргызской Республики и Верховная народная прокуратура КНР 22 ноября 2018 года подписали меморандум о сотрудничестве в противодействии коррупции и экстремизму.
""", [ev("mechanism", ["CN", "KG"], date="2018-11-22", topics=["corruption", "extremism"], domains=["judicial"])],
    "Prosecutors' memorandum on corruption and extremism")

doc("t2_e09_en_neg_pipeline_contracts", "en", """
ASHGABAT, Sept 3, 2022 - China and Turkmenistan signed contracts on building Line D of the Central Asia-China gas pipeline and on expanding gas supplies.
""", [], "Gas contracts: economic, not relevant")

doc("t2_e10_ru_tj_cn_border_chiefs", "ru", """
Председатель Государственного комитета национальной безопасности Таджикистана провел встречу с делегацией Национальной иммиграционной администрации КНР во главе с ее руководителем 6 мая 2021 года в Душанбе. Обсуждены вопросы охраны таджикско-китайской границы.
""", [ev("meeting", ["CN", "TJ"], level="state_security_intelligence", date="2021-05-06", location="Dushanbe",
         topics=["border_security"], domains=["border_guard", "state_security"])],
    "Tajik security chief meets the head of China's immigration (border) administration")


# ---------------------------------------------------------------- sixth batch: Russian readouts
# with varied topic wording (written after the fifth round, scored once before any change)

doc("t2_f01_ru_kz_mvd_cyber", "ru", """
Министр внутренних дел Республики Казахстан Ерлан Тургумбаев 14 сентября 2021 года провел рабочую встречу с Послом КНР в Казахстане.
Стороны обсудили взаимодействие в противодействии киберпреступности, мошенничеству с использованием информационных технологий и отмыванию преступных доходов.
""", [ev("meeting", ["CN", "KZ"], level="other", date="2021-09-14",
         topics=["information_security", "organized_crime"], domains=["law_enforcement"])],
    "KZ interior minister meets the Chinese ambassador (mixed offices: other) on cybercrime and fraud")

doc("t2_f02_ru_kg_foreign_fighters", "ru", """
В Бишкеке 3 марта 2020 года состоялись консультации представителей ГКНБ Кыргызской Республики и Министерства государственной безопасности КНР.
Стороны обменялись информацией о возвращении иностранных террористов-боевиков из зон вооруженных конфликтов и о противодействии вербовке граждан в ряды международных террористических организаций.
""", [ev("meeting", ["CN", "KG"], level="vice_minister_working", date="2020-03-03", location="Bishkek",
         topics=["terrorism"], domains=["state_security"])],
    "Security services' consultations on foreign terrorist fighters and recruitment")

doc("t2_f03_ru_uz_migration", "ru", """
Делегация Министерства внутренних дел Узбекистана 19 апреля 2019 года посетила Национальную иммиграционную администрацию КНР в Пекине.
Стороны договорились об обмене сведениями о лицах, нарушивших миграционное законодательство, и о совместных мерах против незаконной миграции.
""", [ev("meeting", ["CN", "UZ"], level="vice_minister_working", date="2019-04-19", location="Beijing",
         topics=["illegal_migration"], domains=["border_guard", "law_enforcement"])],
    "Interior ministry delegation visits the NIA: illegal migration")

doc("t2_f04_ru_tj_weapons_smuggling", "ru", """
Пограничные войска ГКНБ Таджикистана сообщают, что 8 июля 2020 года по информации, полученной от китайских партнеров, на таджикско-китайском участке границы задержана группа лиц, пытавшихся переправить через границу партию оружия и боеприпасов.
""", [ev("joint_patrol_operation", ["CN", "TJ"], date="2020-07-08",
         topics=["border_security", "organized_crime"], domains=["border_guard"])],
    "Arms smugglers caught on a tip from Chinese partners: a joint operation (shared intelligence)")

doc("t2_f05_ru_kz_religious_extremism", "ru", """
В Алматы 25 октября 2018 года прошел казахстанско-китайский семинар по профилактике религиозного экстремизма и радикализации молодежи. В семинаре приняли участие сотрудники правоохранительных органов и эксперты двух стран.
""", [ev("training_education", ["CN", "KZ"], date="2018-10-25", location="Almaty",
         topics=["extremism"], domains=["law_enforcement"])],
    "Joint seminar on preventing religious extremism (a seminar: training)")

doc("t2_f06_ru_neg_kg_kz_drill", "ru", """
На кыргызско-казахском участке границы 21 мая 2021 года прошли совместные учения пограничных служб Кыргызстана и Казахстана по пресечению контрабанды.
""", [], "KG-KZ border exercise: China not involved")

doc("t2_f07_ru_tm_cn_defence", "ru", """
Министр обороны Туркменистана 16 декабря 2019 года встретился в Ашхабаде с делегацией Министерства национальной обороны КНР. Стороны обсудили вопросы военного образования и подготовки туркменских военнослужащих в военных вузах Китая.
""", [ev("meeting", ["CN", "TM"], level="defence_minister", date="2019-12-16", location="Ashgabat",
         topics=[], domains=["military"])],
    "Turkmen defence minister meets a PRC defence ministry delegation on military education (training only discussed)")

doc("t2_f08_ru_sco_rats_exercise", "ru", """
С 20 по 24 сентября 2021 года на территории Республики Казахстан под эгидой РАТС ШОС проведены совместные пограничные учения компетентных органов государств – членов ШОС «Солидарность-2019-2021», в которых приняли участие подразделения Казахстана, Кыргызстана, Китая, России, Таджикистана и Узбекистана.
""", [ev("multilateral_exercise", ["CN", "KG", "KZ", "RU", "TJ", "UZ"], framework="SCO", date="2021-09-20",
         topics=["border_security"], domains=["border_guard"])],
    "SCO RATS border exercise (the operation's name, used for an exercise; participants listed)")

with open(ROOT / "gold" / "tune2.jsonl", "w", encoding="utf-8") as fh:
    for r in records:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(records), sum(r["relevant"] for r in records))
