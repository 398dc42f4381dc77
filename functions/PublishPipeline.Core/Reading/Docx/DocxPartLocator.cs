using System.IO.Compression;
using System.Xml;

namespace PublishPipeline.Reading.Docx;

/// <summary>
/// Finds a Word document's parts the way Open Packaging Conventions say to: the package relationships (_rels/.rels)
/// name the main document part, [Content_Types].xml must declare it a WordprocessingML main part, and the main part's
/// own relationships name its numbering and styles parts. Targets are resolved relative to their source part, so a
/// document stored somewhere other than word/document.xml is found; external relationships are never followed.
/// </summary>
internal static class DocxPartLocator
{
    /// <summary>Where Word itself puts the main document part; a zip holding it is taken to be meant as Word.</summary>
    public const string DefaultMainDocumentEntry = "word/document.xml";

    public const string ContentTypesEntry = "[Content_Types].xml";

    private const string PackageRelationshipsEntry = "_rels/.rels";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string TransitionalRelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string StrictRelationshipTypes = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
    private const string NumberingContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

    private static readonly string[] MainDocumentContentTypes =
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ];

    /// <summary>
    /// The document's parts, or null when there is no readable main document part. <paramref name="isWordDocument"/>
    /// says whether the zip is a Word package at all (its package relationships name a Word main part, or it holds
    /// word/document.xml), so that a damaged Word file and some other zip get different answers.
    /// </summary>
    public static DocxParts? Locate(ZipArchive archive, DocxReadLimits limits, out bool isWordDocument)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(archive.Entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            entries.TryAdd(entry.FullName, entry);
        }

        isWordDocument = entries.ContainsKey(DefaultMainDocumentEntry);
        if (!entries.TryGetValue(ContentTypesEntry, out var contentTypesEntry) || !entries.TryGetValue(PackageRelationshipsEntry, out var packageRelationships))
        {
            return null;
        }

        var contentTypes = ContentTypes.Read(contentTypesEntry, limits);
        string? mainName = null;
        foreach (var relationship in ReadRelationships(packageRelationships, limits))
        {
            if (IsType(relationship.Type, "officeDocument") && Resolve("/", relationship.Target) is { } name)
            {
                mainName = name;
                break;
            }
        }

        if (mainName is null || !MainDocumentContentTypes.Contains(contentTypes.Of(mainName), StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        isWordDocument = true;
        if (!entries.TryGetValue(mainName[1..], out var main))
        {
            return null;
        }

        ZipArchiveEntry? numbering = null;
        ZipArchiveEntry? styles = null;
        if (entries.TryGetValue(RelationshipsEntryOf(mainName), out var mainRelationships))
        {
            foreach (var relationship in ReadRelationships(mainRelationships, limits))
            {
                if (numbering is null && IsType(relationship.Type, "numbering"))
                {
                    numbering = Target(mainName, relationship.Target, NumberingContentType);
                }
                else if (styles is null && IsType(relationship.Type, "styles"))
                {
                    styles = Target(mainName, relationship.Target, StylesContentType);
                }
            }
        }

        return new DocxParts(main, numbering, styles);

        ZipArchiveEntry? Target(string source, string target, string contentType) =>
            Resolve(source, target) is { } part && string.Equals(contentTypes.Of(part), contentType, StringComparison.OrdinalIgnoreCase)
                && entries.TryGetValue(part[1..], out var entry)
                ? entry
                : null;
    }

    private static bool IsType(string type, string name) =>
        type.Length == TransitionalRelationshipTypes.Length + name.Length && type.StartsWith(TransitionalRelationshipTypes, StringComparison.Ordinal) && type.EndsWith(name, StringComparison.Ordinal)
        || type.Length == StrictRelationshipTypes.Length + name.Length && type.StartsWith(StrictRelationshipTypes, StringComparison.Ordinal) && type.EndsWith(name, StringComparison.Ordinal);

    /// <summary>
    /// The part name ("/word/document.xml") a relationship target refers to from <paramref name="sourcePart"/> ("/" for
    /// the package itself), or null when the target leaves the package.
    /// </summary>
    internal static string? Resolve(string sourcePart, string target)
    {
        var package = new Uri("http://package" + sourcePart, UriKind.Absolute);
        if (!Uri.TryCreate(package, target, out var resolved) || resolved.Scheme != Uri.UriSchemeHttp || resolved.Host != "package"
            || !resolved.IsDefaultPort || resolved.AbsolutePath.Length < 2)
        {
            return null;
        }

        return Uri.UnescapeDataString(resolved.AbsolutePath);
    }

    /// <summary>"/word/document.xml" → "word/_rels/document.xml.rels".</summary>
    private static string RelationshipsEntryOf(string partName)
    {
        var slash = partName.LastIndexOf('/');
        return string.Concat(partName.AsSpan(1, slash), "_rels/", partName.AsSpan(slash + 1), ".rels");
    }

    /// <summary>The internal relationships in a .rels part, in order; external ones (TargetMode="External") are left out.</summary>
    private static List<(string Type, string Target)> ReadRelationships(ZipArchiveEntry entry, DocxReadLimits limits)
    {
        var relationships = new List<(string, string)>();
        using var reader = DocxPackageGuard.OpenXml(entry, limits);
        reader.MoveToContent();
        WordXml.CheckDepth(reader, limits);
        if (reader.LocalName != "Relationships" || reader.NamespaceURI != RelationshipsNamespace)
        {
            throw new XmlException("not a relationships part");
        }

        WordXml.Children(reader, limits, child =>
        {
            if (child.LocalName == "Relationship" && child.NamespaceURI == RelationshipsNamespace
                && child.GetAttribute("Type") is { } type && child.GetAttribute("Target") is { } target
                && !string.Equals(child.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            {
                relationships.Add((type, target));
            }

            WordXml.Skip(child, limits);
        });
        return relationships;
    }

    /// <summary>[Content_Types].xml: a part's content type is its Override, else the Default for its extension.</summary>
    private sealed class ContentTypes
    {
        private readonly Dictionary<string, string> overrides = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> defaults = new(StringComparer.OrdinalIgnoreCase);

        public static ContentTypes Read(ZipArchiveEntry entry, DocxReadLimits limits)
        {
            var contentTypes = new ContentTypes();
            using var reader = DocxPackageGuard.OpenXml(entry, limits);
            reader.MoveToContent();
            WordXml.CheckDepth(reader, limits);
            if (reader.LocalName != "Types" || reader.NamespaceURI != ContentTypesNamespace)
            {
                throw new XmlException("not a content types part");
            }

            WordXml.Children(reader, limits, child =>
            {
                if (child.NamespaceURI == ContentTypesNamespace && child.GetAttribute("ContentType") is { } type)
                {
                    if (child.LocalName == "Override" && child.GetAttribute("PartName") is { } part)
                    {
                        contentTypes.overrides.TryAdd(part, type.Trim());
                    }
                    else if (child.LocalName == "Default" && child.GetAttribute("Extension") is { } extension)
                    {
                        contentTypes.defaults.TryAdd(extension, type.Trim());
                    }
                }

                WordXml.Skip(child, limits);
            });
            return contentTypes;
        }

        public string? Of(string partName)
        {
            if (overrides.TryGetValue(partName, out var type))
            {
                return type;
            }

            var name = partName[(partName.LastIndexOf('/') + 1)..];
            var dot = name.LastIndexOf('.');
            return dot >= 0 && defaults.TryGetValue(name[(dot + 1)..], out type) ? type : null;
        }
    }
}
