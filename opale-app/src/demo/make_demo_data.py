#!/usr/bin/env python3
"""Makes the demo datasets of opale-app/src/main/resources/demo/data (run once by a developer, output committed).

    python3 opale-app/src/demo/make_demo_data.py ../shared/data opale-app/src/main/resources/demo/data \
        opale-app/src/main/resources/static/demo

Origins (stated again in the demo records' lineage):
- communes-mel.geojson: the 95 communes of the Métropole Européenne de Lille, their outlines SIMPLIFIED here
  (Douglas-Peucker, 0.0008°, coordinates to 5 decimals) from IGN GEOFLA 2018 as redistributed under the Licence
  Ouverte by gregoiredavid/france-geojson (departements/59-nord); the population is INSEE's "population municipale"
  (Licence Ouverte), latest census year of the INSEE table of MEL communes. Pre-2020 communes (Lomme and Hellemmes
  are associated communes of Lille and not listed separately).
- points-verre.csv: SIMULATED glass bins (positions drawn inside those outlines, about one per 350 inhabitants,
  fixed seed): illustrative, not MEL's real bins.
- qualite-air.csv: SIMULATED daily concentrations at four stations over two years (seasonal curve + noise, fixed
  seed): illustrative, not Atmo Hauts-de-France's measurements.
- static/demo/decheteries.svg: the demo map's overview image, drawn from those simplified outlines; the dots are
  illustrative positions, not MEL's real waste-collection centres.
Standard library only, so that any Python 3 runs it.
"""
import csv
import datetime
import json
import math
import random
import sys
from pathlib import Path

TOLERANCE = 0.0008


def perpendicular(p, a, b):
    if a == b:
        return math.dist(p, a)
    (x, y), (x1, y1), (x2, y2) = p, a, b
    return abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / math.dist(a, b)


def simplify(points):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, worst = -1, 0.0
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > worst:
                index, worst = i, d
        if worst > TOLERANCE:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def ring(coordinates):
    simplified = [[round(x, 5), round(y, 5)] for x, y in simplify([tuple(c) for c in coordinates])]
    if len(simplified) < 4:  # a ring too small to keep its shape keeps its original points
        simplified = [[round(x, 5), round(y, 5)] for x, y in coordinates]
    return simplified


def polygons(geometry):
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def inside(point, polygon):
    x, y = point
    result = False
    for r, rng in enumerate(polygon):
        for (x1, y1), (x2, y2) in zip(rng, rng[1:]):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                result = not result
    return result


def overview(features, path):
    """A 600 x 480 SVG of the outlines (equirectangular, x scaled by cos(latitude)) with a few dots."""
    west, east, south, north = 2.78, 3.30, 50.49, 50.80
    kx = math.cos(math.radians(50.65))
    scale = min(600 / ((east - west) * kx), 480 / (north - south))

    def xy(c):
        return f"{(c[0] - west) * kx * scale:.1f},{(north - c[1]) * scale:.1f}"
    paths = []
    for feature in features:
        d = " ".join("M" + " L".join(xy(c) for c in r) + "Z" for polygon in feature["geometry"]["coordinates"]
                     for r in polygon)
        paths.append(f'<path d="{d}"/>')
    rng = random.Random(7)
    dots = []
    for feature in rng.sample(features, 14):
        c = feature["geometry"]["coordinates"][0][0]
        x = sum(p[0] for p in c) / len(c)
        y = sum(p[1] for p in c) / len(c)
        cx, cy = xy((x, y)).split(",")
        dots.append(f'<circle cx="{cx}" cy="{cy}" r="7"/>')
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 480" width="600" height="480" role="img" '
           'aria-label="Carte des déchèteries de la Métropole Européenne de Lille (illustration)">'
           '<rect width="600" height="480" fill="#eef3f7"/>'
           '<g fill="#dfe8d8" stroke="#7a8b99" stroke-width="1">' + "".join(paths) + '</g>'
           '<g fill="#c0392b" stroke="#fff" stroke-width="2">' + "".join(dots) + '</g></svg>')
    path.mkdir(parents=True, exist_ok=True)
    (path / "decheteries.svg").write_text(svg, encoding="utf-8")


def main(shared, out, images):
    shared, out = Path(shared), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    population = {}
    with open(shared / "csv/population-millesimee-communes-mel.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            code, year = row["code_insee"], int(row["annee_recensement"])
            if code not in population or population[code][0] < year:
                population[code] = (year, int(row["population_municipale"]))
    nord = json.load(open(shared / "geo/communes-59-nord.geojson", encoding="utf-8"))
    features = []
    for feature in nord["features"]:
        code = feature["properties"]["code"]
        if code not in population:
            continue
        year, people = population[code]
        shape = [[ring(r) for r in polygon] for polygon in polygons(feature["geometry"])]
        features.append({"type": "Feature", "properties": {
            "code_insee": code, "nom": feature["properties"]["nom"], "population": people,
            "annee_recensement": year}, "geometry": {"type": "MultiPolygon", "coordinates": shape}})
    features.sort(key=lambda f: f["properties"]["code_insee"])
    with open(out / "communes-mel.geojson", "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False,
                  separators=(",", ":"))
    print(len(features), "communes")
    overview(features, Path(images))

    rng = random.Random(59350)
    with open(out / "points-verre.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["identifiant", "commune", "code_insee", "volume_m3", "enterre", "date_installation",
                    "longitude", "latitude"])
        n = 0
        for feature in features:
            props = feature["properties"]
            main_polygon = max(feature["geometry"]["coordinates"], key=lambda p: len(p[0]))
            xs = [c[0] for c in main_polygon[0]]
            ys = [c[1] for c in main_polygon[0]]
            for _ in range(max(2, props["population"] // 350)):
                while True:
                    p = (rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys)))
                    if inside(p, main_polygon):
                        break
                n += 1
                buried = rng.random() < 0.3
                installed = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randrange(7300))
                w.writerow([f"PAV-{n:05d}", props["nom"], props["code_insee"],
                            "5" if buried else rng.choice(["3", "4"]), "oui" if buried else "non",
                            installed.isoformat(), f"{p[0]:.6f}", f"{p[1]:.6f}"])
    print(n, "glass bins")

    stations = [("Lille Fives", 1.15), ("Roubaix Serres", 1.0), ("Tourcoing Centre", 1.05),
                ("Marcq-en-Barœul", 0.85)]
    with open(out / "qualite-air.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["date", "station", "no2_ug_m3", "pm10_ug_m3", "indice_atmo"])
        day = datetime.date(2024, 1, 1)
        while day <= datetime.date(2025, 12, 31):
            season = 1 + 0.35 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365)
            for name, factor in stations:
                no2 = max(2.0, rng.gauss(24 * season * factor, 6))
                pm10 = max(3.0, rng.gauss(19 * season * factor, 5))
                index = min(6, max(1, round(max(no2 / 20, pm10 / 16))))
                w.writerow([day.isoformat(), name, f"{no2:.1f}".replace(".", ","),
                            f"{pm10:.1f}".replace(".", ","), index])
            day += datetime.timedelta(days=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
