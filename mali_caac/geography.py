"""Region polygons as the report counts regions: Mali's cercles dissolved by region, Ménaka on its own.

The geoBoundaries cercles (admin level 2, boundary year 2017) are grouped with
``data/cercles.csv`` and dissolved with geopandas; Natural Earth's admin-1
outlines (which lack Ménaka) are used to test the result. ``mali-caac
make-derived`` rewrites ``data/regions_geometry.geojson``; tests check that the
committed file equals a fresh rebuild.
"""
import json

from .errors import DataError
from .package import atomic_write, open_package

TOPOJSON = "external/geoBoundaries-MLI-ADM2_simplified.topojson"
NATURAL_EARTH = "external/naturalearth_admin1_MLI.geojson"
OUT = "regions_geometry.geojson"
ATTRIBUTION = "geoBoundaries (Runfola et al. 2020); DNCT, DNP and OCHA Mali; CC BY 4.0"


def region_polygons(data=None):
    """A GeoDataFrame of region polygons: ``region``, ``iso_3166_2``, ``cercles``, ``geometry`` (WGS 84)."""
    import geopandas as gpd
    import shapely

    pkg = open_package(data)
    cercles = pkg.frame("cercles")
    regions = pkg.frame("regions").set_index("region")
    try:
        g = gpd.read_file(pkg.path(TOPOJSON)).set_crs(4326, allow_override=True)
        if "shapeName" not in g.columns:
            raise ValueError("no shapeName property")
    except Exception as exc:  # pyogrio and GDAL raise their own kinds on a broken file
        raise DataError(file=pkg.path(TOPOJSON), expected="the geoBoundaries cercles of Mali as TopoJSON",
                        found=f"{type(exc).__name__}: {exc}") from None
    names = set(g["shapeName"])
    mapping = dict(zip(cercles["cercle"].astype(str), cercles["region"].astype(str)))
    missing = sorted(names - set(mapping))
    extra = sorted(set(mapping) - names)
    if missing or extra:
        raise DataError(file=pkg.path("cercles"), field="cercle",
                        expected="exactly the cercles of the boundary file",
                        found=f"unmapped cercles {missing}, unknown cercles {extra}")
    g["region"] = g["shapeName"].map(mapping)
    g["geometry"] = shapely.make_valid(g.geometry)
    out = g.dissolve("region", as_index=False, aggfunc={"shapeName": lambda s: ", ".join(sorted(s))})
    out = out.rename(columns={"shapeName": "cercles"})
    out["geometry"] = shapely.set_precision(out.geometry.values, grid_size=1e-5)
    out["iso_3166_2"] = [regions.loc[r, "iso_3166_2"] for r in out["region"]]
    return out[["region", "iso_3166_2", "cercles", "geometry"]].sort_values("region", kind="stable").reset_index(drop=True)


def write_region_polygons(data=None):
    """Rebuild ``regions_geometry.geojson``; returns its path."""
    pkg = open_package(data)
    gdf = region_polygons(pkg)
    doc = json.loads(gdf.to_json(drop_id=True))
    doc["name"] = "regions_geometry"
    doc["attribution"] = ATTRIBUTION
    out = pkg.path(OUT)
    atomic_write(out, json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    return out


def load_regions_geometry(data=None):
    """The committed region polygons (GeoDataFrame, WGS 84), after checking the file's hash and that every
    region is there with a valid, non-empty polygon (a DataError names the file, the feature and the problem:
    a map never silently loses a region)."""
    import geopandas as gpd

    pkg = open_package(data)
    pkg.verify("regions_geometry")
    file = pkg.path(OUT)
    good, problems = checked_features(file)
    missing = sorted({r["region"] for r in pkg.records("cercles")} - {p["region"] for p, _ in good}
                     - {key for key, _, _ in problems})
    problems += [(r, r, "no feature for this region") for r in missing]
    if problems:
        raise DataError(file=file, field="geometry", expected="a valid, non-empty polygon for every region",
                        found="; ".join(f"{label}: {problem}" for _, label, problem in problems))
    return gpd.read_file(file).set_crs(4326, allow_override=True)


def features(file):
    """{feature properties' tuple: shapely geometry} of a GeoJSON file, read with json and shapely alone."""
    import shapely.geometry

    doc = json.loads(file.read_text(encoding="utf-8"))
    return [(f["properties"], shapely.geometry.shape(f["geometry"])) for f in doc["features"]]


def checked_features(file, name="region"):
    """The features of a GeoJSON file that hold a usable polygon, and what is wrong with the others.

    Returns ``(good, problems)``: ``good`` is a list of (properties, shapely geometry) whose geometry is a
    non-empty, valid (OGC: no self-intersection, closed rings) Polygon or MultiPolygon with an area;
    ``problems`` a list of (key, feature label, problem): the feature's ``name`` property (or its
    position), the feature as a reader finds it ('feature 6 (Mopti)') and what is wrong. Never raises on bad content: this is what ``validate`` reports."""
    import shapely
    import shapely.geometry
    import shapely.validation

    try:
        doc = json.loads(file.read_text(encoding="utf-8"))
        items = doc["features"]
        if not isinstance(items, list):
            raise TypeError("'features' is not a list")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        return [], [("file", "the file", f"not a GeoJSON FeatureCollection ({type(exc).__name__}: {exc})")]
    good, problems = [], []
    for i, f in enumerate(items, start=1):
        props = f.get("properties") if isinstance(f, dict) else None
        key = props.get(name) if isinstance(props, dict) and props.get(name) else f"feature {i}"
        label = f"feature {i}" + (f" ({key})" if key != f"feature {i}" else "")
        if key == f"feature {i}":
            problems.append((key, label, f"no '{name}' property"))
            continue
        try:
            geom = shapely.geometry.shape(f["geometry"])
        except Exception as exc:  # shapely raises several kinds on a malformed geometry
            problems.append((key, label, f"unreadable geometry ({type(exc).__name__}: {exc})"))
            continue
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append((key, label, f"a {geom.geom_type}, not a Polygon or MultiPolygon"))
        elif geom.is_empty:
            problems.append((key, label, "empty geometry (no coordinates)"))
        elif not geom.is_valid:
            problems.append((key, label, f"invalid geometry: {shapely.validation.explain_validity(geom)}"))
        elif geom.area <= 0:
            problems.append((key, label, "a polygon without area"))
        else:
            good.append((props, geom))
    return good, problems


def _equal_area(geom):
    """Lambert's cylindrical equal-area projection (x = longitude, y = sin latitude, in radians):
    areas in it are proportional to areas on the sphere, which is all a ratio of areas needs."""
    import numpy as np
    import shapely

    return shapely.transform(geom, lambda xy: np.column_stack([np.radians(xy[:, 0]), np.sin(np.radians(xy[:, 1]))]))


def overlap_with_natural_earth(data=None, regions=None):
    """Intersection over union of each committed region with Natural Earth's outline
    (Gao + Ménaka against its Gao), computed on an equal-area projection.

    ``regions`` ({region: geometry}, valid ones only) defaults to the committed file's; a region
    missing from it, or an unusable Natural Earth outline, is left out (``validate`` reports both)."""
    pkg = open_package(data)
    if regions is None:
        pkg.verify("regions_geometry")
        regions = {p["region"]: g for p, g in features(pkg.path(OUT))}
    geoms = {r: _equal_area(g) for r, g in regions.items()}
    outlines, _ = checked_features(pkg.path(NATURAL_EARTH), "name")
    result = {}
    for props, ne_geom in outlines:
        region, ne_geom = props["name"], _equal_area(ne_geom)
        if region not in geoms or region == "Gao" and "Ménaka" not in geoms:
            continue
        geom = geoms[region]
        if region == "Gao":
            geom = geom.union(geoms["Ménaka"])
        result[region] = geom.intersection(ne_geom).area / geom.union(ne_geom).area
    return result
