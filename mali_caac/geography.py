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
    g = gpd.read_file(pkg.path(TOPOJSON)).set_crs(4326, allow_override=True)
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
    """The committed region polygons (GeoDataFrame, WGS 84), after checking the file's hash."""
    import geopandas as gpd

    pkg = open_package(data)
    pkg.verify("regions_geometry")
    return gpd.read_file(pkg.path(OUT)).set_crs(4326, allow_override=True)


def features(file):
    """{feature properties' tuple: shapely geometry} of a GeoJSON file, read with json and shapely alone."""
    import shapely.geometry

    doc = json.loads(file.read_text(encoding="utf-8"))
    return [(f["properties"], shapely.geometry.shape(f["geometry"])) for f in doc["features"]]


def _equal_area(geom):
    """Lambert's cylindrical equal-area projection (x = longitude, y = sin latitude, in radians):
    areas in it are proportional to areas on the sphere, which is all a ratio of areas needs."""
    import numpy as np
    import shapely

    return shapely.transform(geom, lambda xy: np.column_stack([np.radians(xy[:, 0]), np.sin(np.radians(xy[:, 1]))]))


def overlap_with_natural_earth(data=None):
    """Intersection over union of each committed region with Natural Earth's outline
    (Gao + Ménaka against its Gao), computed on an equal-area projection."""
    pkg = open_package(data)
    pkg.verify("regions_geometry")
    geoms = {p["region"]: _equal_area(g) for p, g in features(pkg.path(OUT))}
    result = {}
    for props, ne_geom in features(pkg.path(NATURAL_EARTH)):
        region, ne_geom = props["name"], _equal_area(ne_geom)
        geom = geoms[region]
        if region == "Gao":
            geom = geom.union(geoms["Ménaka"])
        result[region] = geom.intersection(ne_geom).area / geom.union(ne_geom).area
    return result
