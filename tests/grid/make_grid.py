#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a grid of realistic plans (plan JSON, docs/plan-format.md section 1) for layout checks.

    python3 tests/grid/make_grid.py OUT_DIR [--seed N]
    python3 tests/grid/make_grid.py --list          # the case names only

The grid crosses plan size (6 to 20 milestones by 4 to 10 stakeholders) with
paper (Letter and A4, given to `closeplan render --paper`) and rotates the
locale, so every shape is seen on both papers and in several languages. The
words come from a seeded random generator: the same seed writes the same
bytes, so a failing case can be reproduced by name.

What makes the plans hard to lay out, as real ones are: long names in Greek,
Turkish, Polish and Vietnamese (the PDF embeds a TrueType font for them),
long titles and e-mail addresses, "cares about" lines on every stakeholder,
long notes and gates, slipped steps (baseline, and history for those that
moved twice), overdue steps, owners on the buyer's, the seller's or both
sides, and a last milestone that is the signature.

OUT_DIR receives one `<case>.json` per plan and `manifest.json`:

    {"seed": 12, "cases": [{"name": ..., "plan": "<case>.json", "paper": "letter"|"a4",
      "locale": ..., "locale_paper": the paper the locale gets by default, "milestones": n, "stakeholders": n,
      "must_show": [titles of every milestone not done, then the last milestone's],
      "titles": [every milestone's title, in order]}]}

Every third plan keeps to Windows-1252 letters (long French, Spanish,
Portuguese, Irish and German names instead), so the PDF's standard Helvetica
path is in the grid too.

Only the Python standard library is used (PyYAML is not guaranteed).
"""
import argparse
import datetime
import json
import os
import random
import sys

MILESTONE_COUNTS = (6, 9, 11, 14, 17, 20)
STAKEHOLDER_COUNTS = (4, 7, 10)
PAPERS = ("letter", "a4")
LOCALES = ("en-US", "en-GB", "de", "fr", "es", "pt-BR", "en-CA")
# The paper each locale gets when nothing else names one (docs/cli.md, --paper).
LOCALE_PAPER = {"en-US": "letter", "en-CA": "letter", "en-GB": "a4", "de": "a4", "fr": "a4", "es": "a4", "pt-BR": "a4"}

# People whose names are long and outside Latin-1, with the company's e-mail local part.
PEOPLE = [
    ("Αικατερίνη Παπαδοπούλου-Χατζηγεωργίου", "aikaterini.papadopoulou-chatzigeorgiou"),
    ("Κωνσταντίνος Αναστασόπουλος", "konstantinos.anastasopoulos"),
    ("Şükrü Çağlayan Öztürkoğlu", "sukru.caglayan.ozturkoglu"),
    ("Gülşen İnceoğlu-Yıldırım", "gulsen.inceoglu-yildirim"),
    ("Małgorzata Wróblewska-Szczepańska", "malgorzata.wroblewska-szczepanska"),
    ("Grzegorz Brzęczyszczykiewicz", "grzegorz.brzeczyszczykiewicz"),
    ("Nguyễn Thị Phương Thảo", "nguyen.thi.phuong.thao"),
    ("Trần Quốc Khánh Hoàng", "tran.quoc.khanh.hoang"),
    ("Dana Ruiz", "dana.ruiz"),
    ("Priya Natarajan-Venkataraman", "priya.natarajan-venkataraman"),
    ("Lee Okafor", "lee.okafor"),
    ("Maria Chen", "maria.chen"),
    ("Ευάγγελος Δημητρακόπουλος", "evangelos.dimitrakopoulos"),
    ("Zdzisław Łukasiewicz-Żółkiewski", "zdzislaw.lukasiewicz-zolkiewski"),
]
# Every third plan is written only in Windows-1252 letters, so its PDF uses the
# standard Helvetica (not embedded), whose widths the layout must match too.
WESTERN_PEOPLE = [
    ("Maximilian Schwarzenberger-Löwenthal", "maximilian.schwarzenberger-loewenthal"),
    ("Anne-Sophie de La Rochefoucauld", "anne-sophie.delarochefoucauld"),
    ("José María Fernández-Villaverde", "josemaria.fernandez-villaverde"),
    ("João Guilherme Albuquerque Sobrinho", "joao.guilherme.albuquerque.sobrinho"),
    ("Siobhán Ní Bhriain-O'Callaghan", "siobhan.nibhriain-ocallaghan"),
    ("Bartholomew Featherstonehaugh", "bartholomew.featherstonehaugh"),
    ("Françoise Lefèvre-Desrosiers", "francoise.lefevre-desrosiers"),
    ("Dana Ruiz", "dana.ruiz"),
    ("Priya Natarajan-Venkataraman", "priya.natarajan-venkataraman"),
    ("Lee Okafor", "lee.okafor"),
    ("Maria Chen", "maria.chen"),
]
WESTERN_SELLER_PEOPLE = [
    ("Chris Park", "chris.park"),
    ("Samantha Oyelaran-Fitzgerald", "samantha.oyelaran-fitzgerald"),
    ("Hans-Jürgen Müller-Thurgau", "hans-juergen.mueller-thurgau"),
    ("Inês Gonçalves", "ines.goncalves"),
]
WESTERN_BUYERS = [
    ("Northwind Regional Health Partnership", "northwind-regional-health.example"),
    ("Stadtwerke Gelsenkirchen-Buer", "stadtwerke-buer.example"),
    ("Compañía Logística del Noroeste S.A.", "logistica-noroeste.example"),
]
SELLER_PEOPLE = [
    ("Chris Park", "chris.park"),
    ("Samantha Oyelaran-Fitzgerald", "samantha.oyelaran-fitzgerald"),
    ("Đặng Minh Tuấn", "dang.minh.tuan"),
    ("Ayşegül Karaosmanoğlu", "aysegul.karaosmanoglu"),
]
BUYERS = [
    ("Northwind Regional Health Partnership", "northwind-regional-health.example"),
    ("Βιομηχανία Τροφίμων Θεσσαλονίκης Α.Ε.", "viotro-thessaloniki.example"),
    ("Öztürk Lojistik ve Dış Ticaret A.Ş.", "ozturk-lojistik.example"),
    ("Przedsiębiorstwo Wodociągów i Kanalizacji w Łodzi", "pwik-lodz.example"),
    ("Công ty Cổ phần Điện lực Miền Trung", "dienluc-mientrung.example"),
    ("Stadtwerke Gelsenkirchen-Buer", "stadtwerke-buer.example"),
]
SELLERS = [
    ("Acme Analytics", "acme-analytics.example"),
    ("Tallyworks Financial Automation", "tallyworks.example"),
    ("Fabrikam Grid Software", "fabrikam-grid.example"),
]
BUYER_ROLES = [
    ("economic_buyer", "Chief Financial Officer and Head of Shared Services"),
    ("champion", "Vice President, Claims and Customer Operations"),
    ("security", "Director of Information Security and Data Protection"),
    ("procurement", "Senior Category Manager, Indirect Procurement"),
    ("legal", "Associate General Counsel, Commercial Contracts"),
    ("technical_evaluator", "Principal Enterprise Architect"),
    ("executive_sponsor", "Chief Operating Officer"),
    ("end_user", "Team Lead, Accounts Payable"),
]
SELLER_ROLES = [
    ("account_executive", "Senior Enterprise Account Executive"),
    ("solutions_engineer", "Principal Solutions Engineer"),
    ("customer_success", "Customer Success Director, Central Europe"),
    ("sales_leader", "Regional Vice President of Sales"),
]
CARES = [
    "Payback within 12 months", "Audit trail for every change", "No custom code in the claims system",
    "Data stays in the EU region", "Single sign-on through Entra ID", "Fewer weekend shifts for the team",
    "Predictable three-year cost", "A named contact after go-live", "Clear exit terms in the contract",
    "Reference customers of similar size", "Hourly dashboard refresh", "ISO 27001 and SOC 2 Type II reports",
]

# Steps in the order a deal takes them: (workstream, owner, English, German, French, Spanish, Portuguese).
STEPS = [
    ("discovery", "both", "Discovery workshop on the current claims workflow",
     "Discovery-Workshop zum heutigen Ablauf der Schadenbearbeitung",
     "Atelier de découverte du processus actuel de traitement des sinistres",
     "Taller de descubrimiento del flujo actual de reclamaciones",
     "Workshop de descoberta do fluxo atual de sinistros"),
    ("technical", "seller", "Connector proven on anonymised sample data",
     "Konnektor mit anonymisierten Beispieldaten nachgewiesen",
     "Connecteur validé sur des données d'exemple anonymisées",
     "Conector probado con datos de muestra anonimizados",
     "Conector comprovado com dados de amostra anonimizados"),
    ("security", "seller", "Security questionnaire and SOC 2 Type II report sent",
     "Sicherheitsfragebogen und SOC-2-Typ-II-Bericht übermittelt",
     "Questionnaire de sécurité et rapport SOC 2 Type II envoyés",
     "Cuestionario de seguridad e informe SOC 2 Tipo II enviados",
     "Questionário de segurança e relatório SOC 2 Tipo II enviados"),
    ("business_case", "both", "Business case agreed with Finance",
     "Wirtschaftlichkeitsbetrachtung mit dem Controlling abgestimmt",
     "Analyse de rentabilité validée avec la direction financière",
     "Caso de negocio acordado con Finanzas",
     "Business case aprovado pelo Financeiro"),
    ("technical", "buyer", "Architecture review board sign-off",
     "Freigabe durch das Architekturgremium",
     "Validation par le comité d'architecture",
     "Aprobación del comité de arquitectura",
     "Aprovação do comitê de arquitetura"),
    ("security", "buyer", "Information security review passed",
     "Prüfung durch die Informationssicherheit bestanden",
     "Revue de sécurité de l'information réussie",
     "Revisión de seguridad de la información superada",
     "Revisão de segurança da informação aprovada"),
    ("technical", "both", "Pilot with two regional teams completed",
     "Pilotbetrieb mit zwei Regionalteams abgeschlossen",
     "Pilote avec deux équipes régionales terminé",
     "Piloto con dos equipos regionales completado",
     "Piloto com duas equipes regionais concluído"),
    ("business_case", "buyer", "Pilot results reviewed by the steering committee",
     "Pilotergebnisse im Lenkungsausschuss bewertet",
     "Résultats du pilote examinés par le comité de pilotage",
     "Resultados del piloto revisados por el comité de dirección",
     "Resultados do piloto revisados pelo comitê diretor"),
    ("legal", "seller", "Master subscription agreement draft sent",
     "Entwurf des Rahmenvertrags übermittelt",
     "Projet de contrat-cadre d'abonnement envoyé",
     "Borrador del contrato marco de suscripción enviado",
     "Minuta do contrato-mestre de assinatura enviada"),
    ("legal", "buyer", "Data processing agreement reviewed by the data protection officer",
     "Auftragsverarbeitungsvertrag vom Datenschutzbeauftragten geprüft",
     "Accord de traitement des données examiné par le délégué à la protection des données",
     "Acuerdo de tratamiento de datos revisado por el delegado de protección de datos",
     "Acordo de tratamento de dados revisado pelo encarregado de proteção de dados"),
    ("procurement", "buyer", "Vendor onboarding in the procurement portal",
     "Lieferantenanlage im Einkaufsportal",
     "Référencement du fournisseur dans le portail achats",
     "Alta del proveedor en el portal de compras",
     "Cadastro do fornecedor no portal de compras"),
    ("legal", "both", "Redlines on liability and service levels resolved",
     "Änderungen zu Haftung und Service-Levels geklärt",
     "Amendements sur la responsabilité et les niveaux de service résolus",
     "Cambios sobre responsabilidad y niveles de servicio resueltos",
     "Ajustes sobre responsabilidade e níveis de serviço resolvidos"),
    ("procurement", "both", "Commercial terms and multi-year pricing agreed",
     "Kommerzielle Bedingungen und Mehrjahrespreise vereinbart",
     "Conditions commerciales et tarifs pluriannuels convenus",
     "Condiciones comerciales y precios plurianuales acordados",
     "Condições comerciais e preços plurianuais acordados"),
    ("kickoff", "seller", "Implementation plan and named project team shared",
     "Implementierungsplan und benanntes Projektteam vorgelegt",
     "Plan de déploiement et équipe projet nommée partagés",
     "Plan de implantación y equipo de proyecto nominativo compartidos",
     "Plano de implantação e equipe de projeto nomeada compartilhados"),
    ("security", "buyer", "Penetration test findings closed",
     "Befunde des Penetrationstests behoben",
     "Constats du test d'intrusion clôturés",
     "Hallazgos de la prueba de penetración cerrados",
     "Achados do teste de intrusão encerrados"),
    ("procurement", "buyer", "Purchase order raised",
     "Bestellung ausgelöst",
     "Bon de commande émis",
     "Orden de compra emitida",
     "Pedido de compra emitido"),
    ("executive", "buyer", "Executive board approval",
     "Zustimmung des Vorstands",
     "Approbation du comité exécutif",
     "Aprobación del consejo de dirección",
     "Aprovação da diretoria executiva"),
    ("legal", "buyer", "Works council informed about the new tool",
     "Betriebsrat über das neue Werkzeug informiert",
     "Comité social et économique informé du nouvel outil",
     "Comité de empresa informado sobre la nueva herramienta",
     "Comissão de funcionários informada sobre a nova ferramenta"),
    ("executive", "both", "Executive alignment call between both sponsors",
     "Abstimmungstermin zwischen beiden Sponsoren",
     "Appel d'alignement entre les deux sponsors",
     "Llamada de alineación entre ambos patrocinadores",
     "Chamada de alinhamento entre os dois patrocinadores"),
]
SIGNATURE = ("signature", "both", "Contract signed by both parties",
             "Vertrag von beiden Parteien unterzeichnet",
             "Contrat signé par les deux parties",
             "Contrato firmado por ambas partes",
             "Contrato assinado por ambas as partes")
LANGUAGE_COLUMN = {"en": 2, "de": 3, "fr": 4, "es": 5, "pt": 6}

GATES = ["Security architecture review", "CFO budget review", "Steering committee", "Procurement board",
         "Legal sign-off meeting"]
NOTES = [
    "The questionnaire has 212 questions; 40 of them need answers from the hosting provider, "
    "which takes about a week. {name} owns the follow-up on the buyer's side.",
    "Finance wants the staffing assumptions checked against last year's overtime figures before the "
    "steering committee sees the model. See https://acme-analytics.example/roi/northwind-regional-health-partnership/2026",
    "Waiting for {name} to confirm the slot; the board meets only on the first Tuesday of the month, "
    "so a miss moves the signature by four weeks.",
    "Legal asked for the liability cap to be tied to twelve months of fees, and for the data "
    "residency clause to name the Frankfurt and Amsterdam regions explicitly.",
    "Two regional teams (Thessaloniki and Lyon) run the pilot on live claims for three weeks; "
    "success means the backlog drops under two days.",
]
RISKS = [
    ("Security review queue is six weeks long", "high", "buyer", "Front-load the questionnaire in week one."),
    ("Budget owner changes at the fiscal year end", "medium", "buyer", "Get the business case signed before June."),
    ("Works council approval can take a full cycle", "medium", "both", "Brief the council chair early."),
    ("Data residency clause blocks standard paper", "low", "seller", "Offer the EU-only hosting addendum."),
]
RESOURCES = [
    ("ROI model", "roi"), ("SOC 2 Type II report", "security"), ("Case study: a regional insurer", "case_study"),
    ("Implementation plan", "implementation"), ("Draft master subscription agreement", "legal"),
]


def iso(d):
    return d.isoformat()


def plan_for(case_index, milestones, stakeholders, locale, rng):
    language = locale.split("-")[0]
    column = LANGUAGE_COLUMN[language]
    western = case_index % 3 == 2
    buyers, buyer_pool, seller_pool = ((WESTERN_BUYERS, WESTERN_PEOPLE, WESTERN_SELLER_PEOPLE) if western
                                       else (BUYERS, PEOPLE, SELLER_PEOPLE))
    buyer, buyer_domain = buyers[case_index % len(buyers)]
    seller, seller_domain = SELLERS[case_index % len(SELLERS)]

    # People: the first buyer is the economic buyer and the first seller the account executive
    # (the two who sign); a third of the team is on the seller's side.
    seller_count = max(1, stakeholders // 3)
    buyer_count = stakeholders - seller_count
    buyer_people = rng.sample(buyer_pool, buyer_count)
    seller_people = rng.sample(seller_pool, seller_count)
    people = []
    for i, (name, local) in enumerate(buyer_people):
        role, title = BUYER_ROLES[i % len(BUYER_ROLES)]
        people.append({"id": "b%d" % (i + 1), "name": name, "title": title, "side": "buyer", "role": role,
                       "influence": ("high", "medium", "low")[i % 3], "email": local + "@" + buyer_domain,
                       "cares_about": rng.sample(CARES, 1 + i % 3)})
    for i, (name, local) in enumerate(seller_people):
        role, title = SELLER_ROLES[i % len(SELLER_ROLES)]
        people.append({"id": "s%d" % (i + 1), "name": name, "title": title, "side": "seller", "role": role,
                       "influence": "medium", "email": local + "@" + seller_domain,
                       "cares_about": rng.sample(CARES, 1)})

    # Dates: the plan started some weeks ago and closes some weeks ahead; steps are spread
    # evenly and the signature is due on the target close.
    as_of = datetime.date(2026, 5, 4)
    start = as_of - datetime.timedelta(days=rng.randint(35, 70))
    target_close = as_of + datetime.timedelta(days=rng.randint(28, 75))
    span = (target_close - start).days
    steps = rng.sample(STEPS, milestones - 1)
    steps.sort(key=lambda s: STEPS.index(s))
    steps.append(SIGNATURE)

    items = []
    for i, step in enumerate(steps):
        last = i == len(steps) - 1
        due = target_close if last else start + datetime.timedelta(days=round(span * (i + 1) / len(steps)) - 1)
        m = {"id": "m%02d" % (i + 1), "title": step[column], "owner": step[1], "workstream": step[0]}
        owner_side = "buyer" if step[1] == "buyer" else "seller" if step[1] == "seller" else rng.choice(["buyer", "seller"])
        assignees = [p for p in people if p["side"] == owner_side]
        m["assignee"] = rng.choice(assignees)["id"]
        if i > 0:
            m["depends_on"] = [items[-1]["id"]]
        # Done when well before today; some past steps are overdue (not done), one is blocked.
        if due < as_of - datetime.timedelta(days=3) and rng.random() < 0.75:
            m["status"] = "done"
            m["completed"] = iso(due - datetime.timedelta(days=rng.randint(0, 2)))
        elif due < as_of:
            m["status"] = rng.choice(["in_progress", "blocked", "scheduled"])
        elif due < as_of + datetime.timedelta(days=14):
            m["status"] = rng.choice(["in_progress", "scheduled"])
        else:
            m["status"] = rng.choice(["not_started", "scheduled"])
        # Slips: a baseline a week or two earlier; some moved twice (history).
        if not last and rng.random() < 0.3:
            first = due - datetime.timedelta(days=rng.choice([7, 14, 21]))
            m["baseline"] = iso(first)
            if rng.random() < 0.5 and (due - first).days >= 14:
                m["history"] = [iso(first + datetime.timedelta(days=7))]
        if rng.random() < 0.3:
            m["gate"] = rng.choice(GATES)
        if rng.random() < 0.45:
            m["notes"] = rng.choice(NOTES).format(name=rng.choice(people)["name"])
        m["due"] = iso(due)
        items.append(m)

    economic = people[0]["id"]
    plan = {
        "closeplan": 1,
        "deal": {"id": "GRID-%03d" % case_index, "name": "Claims and invoice automation for %s" % buyer,
                 "buyer": buyer, "seller": seller, "amount": rng.choice([84000, 240000, 1250000]),
                 "currency": rng.choice(["USD", "EUR", "GBP"]), "stage": "Negotiation"},
        "as_of": iso(as_of),
        "target_close": iso(target_close),
        "go_live": iso(target_close + datetime.timedelta(days=60)),
        "locale": locale,
        "outcome": "Cut the time from a claim arriving to a decision by **30%%** before the open enrolment "
                   "period, so members hear back in days instead of weeks and the claims team of %s stops "
                   "working weekends to clear the backlog." % buyer,
        "success_criteria": ["Backlog under two days by September",
                             "Every stalled claim visible on one dashboard, refreshed hourly",
                             "Payback within twelve months, signed off by Finance"],
        "decision_criteria": ["Passes the information security review",
                              "Connects to the claims system without custom code"],
        "stakeholders": people,
        "milestones": items,
        "risks": [{"title": r[0], "severity": r[1], "owner": r[2], "mitigation": r[3]}
                  for r in rng.sample(RISKS, rng.randint(1, len(RISKS)))],
        "resources": [{"id": "r%d" % (i + 1), "title": title, "kind": kind,
                       "url": "https://%s/deal-room/%s/%s" % (seller_domain, buyer_domain.split(".")[0], kind),
                       "for": [rng.choice(people[:buyer_count])["id"]]}
                      for i, (title, kind) in enumerate(rng.sample(RESOURCES, rng.randint(2, len(RESOURCES))))],
        "notes": "Procurement portal registration for %s still to confirm with %s." % (seller, people[1]["name"]),
        "sign_off": {"buyer": economic, "seller": "s1"},
    }
    must_show = [m["title"] for m in items if m["status"] != "done"]
    if items[-1]["title"] not in must_show:
        must_show.append(items[-1]["title"])
    return plan, must_show


def shapes():
    """(name, milestones, stakeholders, paper, locale) of every case, in order."""
    out = []
    for milestones in MILESTONE_COUNTS:
        for stakeholders in STAKEHOLDER_COUNTS:
            for paper in PAPERS:
                locale = LOCALES[len(out) % len(LOCALES)]
                name = "m%02d-s%02d-%s-%s" % (milestones, stakeholders, paper, locale)
                out.append((name, milestones, stakeholders, paper, locale))
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--list", action="store_true", help="print the case names, one a line, and write nothing")
    args = parser.parse_args(argv)
    if args.list:
        for name, _, _, _, _ in shapes():
            print(name)
        return 0
    if not args.out_dir:
        parser.error("OUT_DIR is required")
    os.makedirs(args.out_dir, exist_ok=True)
    cases = []
    for name, milestones, stakeholders, paper, locale in shapes():
        # One generator per case, so adding a case never changes the others.
        rng = random.Random("%d/%d/%d/%s" % (args.seed, milestones, stakeholders, paper))
        plan, must_show = plan_for(len(cases), milestones, stakeholders, locale, rng)
        with open(os.path.join(args.out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=1)
            f.write("\n")
        cases.append({"name": name, "plan": name + ".json", "paper": paper, "locale": locale,
                      "locale_paper": LOCALE_PAPER[locale],
                      "milestones": milestones, "stakeholders": stakeholders, "must_show": must_show,
                      "titles": [m["title"] for m in plan["milestones"]]})
    with open(os.path.join(args.out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
