"""Wider everyday and sector vocabulary per theme for the gazetteer (added 2026-11-30).

From GUIDE.md's theme descriptions, `seeds/` and the words businesses use for the same
things ("small firms", "phone signal", "new builds"); written without reading any evaluation
set. Kept apart from `gazetteer.KEYWORDS` so the two can be measured separately (the
numbers are in README.md). Comma-separated phrases per theme id; plurals are added by the
gazetteer.
"""

from __future__ import annotations

_WIDER: dict[str, str] = {
    "creative_digital": (
        "film studio, film studios, film production, film industry, tv production, television "
        "production, tv industry, games industry, game studio, video production, videographer, "
        "corporate video, motion graphics, cgi, 3d animation, virtual production, motion "
        "capture, sound design, recording studio, music production, record label, set design, "
        "set construction, prop maker, costume design, digital agency, marketing agency, web "
        "design, copywriting, illustrator, screenwriter, scriptwriter, storyboard, location "
        "manager, camera operator, gaffer, makeup artist, publishing, magazine, broadcasting, "
        "streaming"
    ),
    "intelligent_mobility": (
        "self driving, driverless car, autonomous vehicles, connected car, v2x, electric van, "
        "electric vans, electric fleet, ev fleet, ev charging, charging hub, rapid charger, "
        "wallbox, cargo bike, e-cargo bike, fleet tracking, vehicle tracking, vehicle software, "
        "mobility as a service, maas, car club, car sharing, demand responsive transport, "
        "delivery robot, smart mobility, e-mobility, battery technology, automotive supplier, "
        "tier 1 supplier, tier 2 supplier, vehicle testing, hydrogen bus"
    ),
    "medical_technologies": (
        "medical devices, health technology, point of care, wound care, orthopaedic, "
        "orthopaedics, exoskeleton, mobility aid, stairlift, physio, physiotherapist, "
        "occupational therapy, occupational therapist, biomedical, pathology, assay, remote "
        "monitoring, telehealth, telemedicine, health app, ce mark, ukca mark, iso 13485, fda, "
        "clinical evidence, patients, hospital ward, spinal cord"
    ),
    "high_performance_technology": (
        "motorsport engineering, race engineering, race teams, le mans, rally, karting, formula "
        "e, hypercar, supercar, engine builder, gearbox, chassis, aerodynamics, cfd, "
        "lightweighting, lightweight materials, titanium, injection moulding, tooling, sheet "
        "metal, laser cutting, metalwork, welding, fabricator, engineering company, "
        "manufacturer, manufacturing, production line, test track, proving ground, test bench, "
        "precision parts, machined parts"
    ),
    "space": (
        "space company, space firm, space industry, space start-up, spaceport, launcher, rocket "
        "motor, propellant, satellite data, satellite imagery, constellation, low earth orbit, "
        "in-orbit, space debris, star tracker, reaction wheel, hot fire, hot-fire, static fire, "
        "engine test, test stand, nasa, space agency, telemetry, thermal vacuum, space-grade, "
        "space qualified"
    ),
    "entrepreneurialism": (
        "small business, small businesses, small firm, small firms, sme, smes, sole trader, "
        "micro business, business growth, growth funding, business loan, crowdfunding, angel "
        "network, business angel, pitching, investor readiness, business plan, business "
        "adviser, business advisor, startup support, start-up support, peer network, chamber of "
        "commerce, fsb, enterprise hub, innovation centre, innovation hub, commercialise, "
        "commercialisation, patent, export support, fundraising, series a, match funding, "
        "self-employed, freelancer"
    ),
    "housing_growth": (
        "new housing, new build, new-build, new builds, housing estate, property developer, "
        "residential development, housing targets, local plan, section 106, garden village, "
        "urban extension, modular construction, offsite manufacturing, volumetric, construction "
        "sector, construction industry, building firm, groundworks, new neighbourhood, new "
        "neighbourhoods, new community, new communities, homes planned, thousands of homes"
    ),
    "digital_science": (
        "data platform, data analysis, data engineering, big data, deep learning, neural "
        "network, generative ai, software development, software house, software company, "
        "software engineers, programmers, programming, coders, cloud computing, aws, azure, "
        "api, apis, dashboards, data pipeline, quantum computing, ransomware, penetration "
        "testing, it security, tech company, it services, web development, app development, ai "
        "models"
    ),
    "intelligent_public_services": (
        "nhs trusts, hospital trust, public procurement, commissioners, council contract, "
        "council contracts, government contract, public contracts, framework agreement, local "
        "government, unitary authority, parish council, town council, emergency services, "
        "ambulance service, police force, thames valley police, fire and rescue, highways "
        "authority, adult social care, children's services, waste collection, public health, "
        "integrated care board, gp practice, gp practices"
    ),
    "education_skills": (
        "skills shortages, skilled workers, skilled people, labour shortage, staff shortage, "
        "staff shortages, finding staff, applicants, trainee, trainees, skills bootcamp, "
        "further education, sixth form, teachers, lecturers, curriculum, qualifications, nvq, "
        "btec, degree apprenticeship, work experience, careers fair, careers advice, school "
        "leaver, retraining, reskilling, cpd, training provider, workforce development, talent "
        "pipeline, brain drain, apprenticeship levy, uni"
    ),
    "infrastructure": (
        "motorway, ring road, rail line, railway line, rail link, train line, train service, "
        "bus route, public transport, transport connections, road links, gridlock, gridlocked, "
        "traffic jams, tailbacks, rush hour, level crossing, cycle lanes, cycle paths, pothole, "
        "internet connection, internet speeds, broadband speeds, gigabit, phone signal, mobile "
        "reception, superfast broadband, ultrafast, leased line, power cuts, grid capacity, "
        "substation, three-phase, 3-phase, sewage, drainage, business park, industrial estate, "
        "trading estate, warehouse space, workspace, flexible workspace, light industrial, "
        "bigger premises, larger premises"
    ),
    "environment_quality_of_life": (
        "open space, parks, wildlife, trees, river, rivers, canal, air pollution, carbon, "
        "decarbonisation, net-zero, carbon neutral, climate change, energy efficiency, heat "
        "pump, solar power, solar farm, renewables, wind turbine, wind farm, flood risk, "
        "flood plain, floodplain, clean growth, green economy, green jobs, retrofit, insulation, "
        "circular economy, single-use, place to live, lifestyle, mental health, afford to live, "
        "living costs, house price, market towns, landscape"
    ),
}


def wider_keywords() -> dict[str, tuple[str, ...]]:
    """Theme id -> its wider vocabulary phrases."""
    return {t: tuple(p.strip() for p in text.split(",") if p.strip()) for t, text in _WIDER.items()}
