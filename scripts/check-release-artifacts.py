"""Usage: check-release-artifacts.py DIST VERSION

Checks the packages a release would publish from DIST (as the release workflow's publish jobs have
them: js/, python/, java/, go/) against what each registry requires or what our users rely on, and
prints one line per check. Standard library only; `twine check` and the Go build run beside it
(scripts/release-rehearsal.sh). Exits non-zero when any check fails.
"""

import json
import re
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path
from xml.etree import ElementTree

NAME = "cdk-private-ecs-http-api"
PYTHON_DIST = "cdk_private_ecs_http_api"
MAVEN_GROUP = "io.github.cdk-private-ecs-http-api"
GO_MODULE = "github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api-go/cdkprivateecshttpapi"
REPOSITORY = "https://github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api"

# What the npm package may hold at its top level (test/package-contents.test.ts says why).
NPM_TOP_LEVEL = {".jsii", ".jsii.tabl.json", "API.md", "LICENSE", "README.md", "lib", "package.json", "rosetta"}
# Construct Hub lists jsii packages that carry one of these keywords.
CONSTRUCT_HUB_KEYWORDS = {"aws-cdk", "awscdk", "cdk"}

failures = []


def check(what, ok, detail=""):
    print(f"  {'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail else ''}")
    if not ok:
        failures.append(what)


def only(paths, what):
    if len(paths) != 1:
        check(what, False, f"expected one, found {[str(p) for p in paths]}")
        return None
    return paths[0]


def check_npm(dist, version):
    print(f"npm: {NAME}@{version}")
    tgz = only(list((dist / "js").glob("*.tgz")), "one npm tarball")
    if tgz is None:
        return
    check("tarball name", tgz.name == f"{NAME}@{version}.jsii.tgz", tgz.name)
    with tarfile.open(tgz) as tar:
        names = [m.name for m in tar.getmembers() if m.isfile()]
        top = {n.split("/")[1] for n in names}
        check("files under package/", all(n.startswith("package/") for n in names))
        check("only the library, assembly, rosetta tablet, docs and rosetta fixture", top <= NPM_TOP_LEVEL, ", ".join(sorted(top - NPM_TOP_LEVEL)) or "")
        check("lib/index.js, lib/index.d.ts, .jsii, README.md, LICENSE", {"package/lib/index.js", "package/lib/index.d.ts", "package/.jsii", "package/README.md", "package/LICENSE"} <= set(names))
        check("no TypeScript source", not [n for n in names if n.endswith(".ts") and not n.endswith(".d.ts")])
        manifest = json.load(tar.extractfile("package/package.json"))
        assembly = json.load(tar.extractfile("package/.jsii"))
        # The translations the release's pacmak builds and Construct Hub renders take our examples from,
        # with the package's Python names (scripts/fix-tablet-python-names.ts), not rosetta's memory_limit_mi_b.
        tablet = tar.extractfile("package/.jsii.tabl.json").read().decode() if "package/.jsii.tabl.json" in names else ""
    check("the rosetta tablet, with the Python name memory_limit_mib", "memory_limit_mib" in tablet and "memory_limit_mi_b" not in tablet)
    check("package.json name and version", (manifest.get("name"), manifest.get("version")) == (NAME, version), f"{manifest.get('name')}@{manifest.get('version')}")
    check(".jsii assembly of that version", (assembly.get("name"), assembly.get("version")) == (NAME, version), f"{assembly.get('name')}@{assembly.get('version')}")
    check("license", manifest.get("license") == "Apache-2.0", manifest.get("license"))
    check("repository, homepage, bugs", manifest.get("repository", {}).get("url", "").startswith(REPOSITORY) and manifest.get("homepage", "").startswith(REPOSITORY) and manifest.get("bugs", {}).get("url", "").startswith(REPOSITORY))
    check("stability", manifest.get("stability") == "experimental" and assembly.get("docs", {}).get("stability") == "experimental", manifest.get("stability"))
    check("peer dependencies aws-cdk-lib and constructs", {"aws-cdk-lib", "constructs"} <= set(manifest.get("peerDependencies", {})), json.dumps(manifest.get("peerDependencies")))
    check("no runtime dependencies", not manifest.get("dependencies"), json.dumps(manifest.get("dependencies")))
    check("jsii targets java, python, go", {"java", "python", "go"} <= set(manifest.get("jsii", {}).get("targets", {})))
    check("a keyword Construct Hub indexes", bool(CONSTRUCT_HUB_KEYWORDS & set(manifest.get("keywords", []))))
    check("public access", manifest.get("publishConfig", {}).get("access") == "public")


def check_python(dist, version):
    print(f"PyPI: {NAME} {version}")
    wheel = only(list((dist / "python").glob("*.whl")), "one wheel")
    sdist = only(list((dist / "python").glob("*.tar.gz")), "one sdist")
    if wheel is None or sdist is None:
        return
    check("wheel name", wheel.name == f"{PYTHON_DIST}-{version}-py3-none-any.whl", wheel.name)
    check("sdist name", sdist.name == f"{PYTHON_DIST}-{version}.tar.gz", sdist.name)
    with zipfile.ZipFile(wheel) as whl:
        metadata_file = only([n for n in whl.namelist() if n.endswith(".dist-info/METADATA")], "wheel METADATA")
        if metadata_file is None:
            return
        metadata = Parser().parsestr(whl.read(metadata_file).decode())
        names = whl.namelist()
    check("Name and Version", (metadata["Name"], metadata["Version"]) == (NAME, version), f"{metadata['Name']} {metadata['Version']}")
    check("Summary", bool(metadata["Summary"]))
    check("long description as Markdown", metadata["Description-Content-Type"] == "text/markdown" and len(metadata.get_payload() or "") > 1000)
    check("License", "Apache" in (metadata["License"] or metadata["License-Expression"] or ""), metadata["License"] or metadata["License-Expression"])
    urls = [metadata["Home-page"] or ""] + (metadata.get_all("Project-URL") or [])
    check("project URL", any(REPOSITORY in url for url in urls))
    check("Requires-Python", bool(metadata["Requires-Python"]), metadata["Requires-Python"])
    requires = metadata.get_all("Requires-Dist") or []
    check("requires aws-cdk-lib 2.x and jsii", any(r.startswith("aws-cdk-lib") for r in requires) and any(r.startswith("jsii") for r in requires), "; ".join(requires))
    check("classifier: beta, as experimental", "Development Status :: 4 - Beta" in (metadata.get_all("Classifier") or []))
    check("the module, its jsii assembly and py.typed", any(n.startswith(f"{PYTHON_DIST}/_jsii/") and n.endswith(".tgz") for n in names) and f"{PYTHON_DIST}/py.typed" in names)


def check_maven(dist, version):
    print(f"Maven Central: {MAVEN_GROUP}:{NAME}:{version}")
    folder = dist / "java" / Path(*MAVEN_GROUP.split(".")) / NAME / version
    base = folder / f"{NAME}-{version}"
    pom_file = Path(f"{base}.pom")
    check("in the Maven repository layout", pom_file.is_file(), str(folder.relative_to(dist)))
    if not pom_file.is_file():
        return
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    pom = ElementTree.parse(pom_file).getroot()

    def text(path):
        element = pom.find(path, ns)
        return (element.text or "").strip() if element is not None else ""

    check("coordinates", (text("m:groupId"), text("m:artifactId"), text("m:version")) == (MAVEN_GROUP, NAME, version), f"{text('m:groupId')}:{text('m:artifactId')}:{text('m:version')}")
    check("not a SNAPSHOT", not version.endswith("-SNAPSHOT"))
    # https://central.sonatype.org/publish/requirements/#required-pom-metadata
    # pacmak writes the name as Sonatype's guide suggests: "${project.groupId}:${project.artifactId}".
    name = text("m:name").replace("${project.groupId}", text("m:groupId")).replace("${project.artifactId}", text("m:artifactId"))
    check("name", bool(name) and "${" not in name, name)
    check("description", bool(text("m:description")))
    check("url", text("m:url").startswith(REPOSITORY), text("m:url"))
    check("licenses", bool(text("m:licenses/m:license/m:name")) and bool(text("m:licenses/m:license/m:url")), f"{text('m:licenses/m:license/m:name')} {text('m:licenses/m:license/m:url')}")
    check("developers", bool(text("m:developers/m:developer/m:name")), text("m:developers/m:developer/m:name"))
    check("scm", bool(text("m:scm/m:connection")) and text("m:scm/m:url").startswith(REPOSITORY), f"{text('m:scm/m:connection')} {text('m:scm/m:url')}")
    dependencies = {text_of(d, "m:artifactId", ns) for d in pom.findall("m:dependencies/m:dependency", ns)}
    check("depends on aws-cdk-lib, constructs, jsii-runtime", {"aws-cdk-lib", "constructs", "jsii-runtime"} <= dependencies, ", ".join(sorted(dependencies)))
    for suffix, content in ((".jar", ".class"), ("-sources.jar", ".java"), ("-javadoc.jar", "index.html")):
        jar = Path(f"{base}{suffix}")
        ok = jar.is_file() and zipfile.is_zipfile(jar)
        if ok:
            with zipfile.ZipFile(jar) as archive:
                ok = any(n.endswith(content) for n in archive.namelist())
        check(f"{jar.name} holds {content}", ok)


def text_of(element, path, ns):
    found = element.find(path, ns)
    return (found.text or "").strip() if found is not None else ""


def check_go(dist, version):
    module_dir = dist / "go" / "cdkprivateecshttpapi"
    print(f"Go: {GO_MODULE} v{version}")
    go_mod = module_dir / "go.mod"
    check("go.mod", go_mod.is_file())
    if not go_mod.is_file():
        return
    mod = go_mod.read_text()
    check("module path", re.search(rf"^module {re.escape(GO_MODULE)}$", mod, re.M) is not None)
    check("no go.sum shipped (Go users resolve their own)", not (module_dir / "go.sum").exists())
    check("requires awscdk/v2 and jsii-runtime-go", "github.com/aws/aws-cdk-go/awscdk/v2 " in mod and "github.com/aws/jsii-runtime-go " in mod)
    version_file = module_dir / "version"
    check("version file publib tags from", version_file.is_file() and version_file.read_text().strip() == version, version_file.read_text().strip() if version_file.is_file() else "missing")
    embedded = module_dir / "jsii" / f"{NAME}-{version}.tgz"
    check("embeds the jsii assembly of that version", embedded.is_file())
    if not embedded.is_file():
        return
    with tarfile.open(embedded) as tar:
        assembly = json.load(tar.extractfile("package/.jsii"))
    # pacmak writes an `// indirect` requirement for each module our dependencies depend on; scripts/package-go.sh
    # once dropped them (this machine's Go proxy lacks one of those versions), and must not again.
    indirect = sorted(
        info["targets"]["go"]["moduleName"]
        for dependency, info in assembly.get("dependencyClosure", {}).items()
        if dependency not in assembly.get("dependencies", {}) and "go" in info.get("targets", {})
    )
    missing = [m for m in indirect if not re.search(rf"^\s*{re.escape(m)}(/\S+)? v\S+ // indirect$", mod, re.M)]
    check("pacmak's `// indirect` requirements, one for each module of the dependency closure", bool(indirect) and not missing, ", ".join(missing) or f"{len(indirect)} modules")


def main(args):
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    dist, version = Path(args[0]), args[1]
    check_npm(dist, version)
    check_python(dist, version)
    check_maven(dist, version)
    check_go(dist, version)
    print(f"artifact checks: {len(failures)} failed" + (f" ({', '.join(failures)})" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
