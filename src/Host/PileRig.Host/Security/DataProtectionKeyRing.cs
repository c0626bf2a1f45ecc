using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace PileRig.Host.Security;

/// <summary>One key of ASP.NET Core's Data Protection key ring (it encrypts cookies and bearer tokens), as XML.</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>
/// The key ring lives in PostgreSQL, beside everything else every node shares: a cookie or token issued by one node is
/// read by every other, and a restart or a new node needs nothing copied between machines (ADR 0007). The ring holds a
/// handful of keys (a new one every 90 days), read when the key manager refreshes, not per request.
/// </summary>
public sealed class DataProtectionKeyRing(IDocumentStore store) : IXmlRepository
{
    // The interface is synchronous and Marten 9 only asynchronous: waited on here, which is safe (ASP.NET Core has no
    // synchronisation context) and rare (the key manager caches the ring and reads it again about once a day).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        session.SaveChangesAsync().GetAwaiter().GetResult(); // once every 90 days, or on the very first start

    }
}
