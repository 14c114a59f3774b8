using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Generate;

/// <summary>An organization of the generated tree, in insertion order (every parent before its children).</summary>
internal sealed record PlannedOrganization(
    long Id, long ParentId, string Code, string Name, OrganizationKind Kind, DateOnly EstablishedOn, string Decision,
    string? AdministrativeUnitCode);

/// <summary>A chi bộ that will receive members: where it is and what kind of place it is.</summary>
internal readonly record struct PlannedCell(long Id, int Province, int Commune, CellProfile Profile, float Weight);

/// <summary>An existing organization the generated tree hangs under (from the demo seed).</summary>
internal sealed record Anchor(long Id, string Code, string Name, OrganizationKind Kind, DateOnly EstablishedOn);

/// <summary>A commune of the reference list, with its committee and the province it belongs to.</summary>
internal sealed record CommuneAnchor(int Index, Anchor Committee, string AdministrativeCode, string Name, string Type, int Province)
{
    /// <summary>"xã Tân Hòa", "phường Ba Đình", "đặc khu Phú Quốc".</summary>
    public string InName => Type.ToLowerInvariant() + " " + Name;

    public bool IsUrban => Type == "Phường";

    public string HometownText { get; init; } = "";
}

/// <summary>
/// Plans the national tree under the demo seed's committees: the organizations to insert (parents first) and the
/// cells that will hold members. The organization budget is spread over the central committees (8%), each province's
/// affiliate committees and its communes in proportion to population and party density, with some noise; each host
/// then fills its budget with village cells, grassroots cells and grassroots committees (with their cells and now and
/// then a sub-committee).
/// </summary>
internal sealed class TreePlanner(Rng rng, ProvinceProfile[] provinces, IReadOnlyList<CommuneAnchor> communes,
    IReadOnlyDictionary<string, Anchor> provinceCommittees, IReadOnlyDictionary<string, Anchor> centralBodies,
    IReadOnlySet<string> existingCodes, long firstId)
{
    private const double CentralShare = 0.08;
    private const double AffiliateShare = 0.12;

    private readonly List<PlannedOrganization> _organizations = [];
    private readonly List<PlannedCell> _cells = [];
    private readonly Dictionary<string, int> _nameUse = [];
    private readonly Dictionary<string, int> _codeUse = [];
    private long _nextId = firstId;

    public IReadOnlyList<PlannedOrganization> Organizations => _organizations;
    public IReadOnlyList<PlannedCell> Cells => _cells;

    public void Plan(int organizations)
    {
        var hosts = new List<(double Weight, Action<int> Build)>();
        foreach (var (code, weight, affiliates, units) in UnitCatalog.Central)
        {
            if (centralBodies.TryGetValue(code, out var body))
                hosts.Add((CentralShare * weight, budget => BuildCentral(body, budget, affiliates, units)));
        }
        var totalWeight = provinces.Sum(p => p.Weight);
        for (var p = 0; p < provinces.Length; p++)
        {
            var province = provinces[p];
            if (!provinceCommittees.TryGetValue(province.Code, out var committee))
                continue;
            var share = (1 - CentralShare) * province.Weight / totalWeight;
            var index = p;
            hosts.Add((share * AffiliateShare, budget => BuildProvincialAffiliates(committee, index, budget)));
            var own = communes.Where(c => c.Province == p).ToList();
            var weights = own.Select(c => (c.IsUrban ? 1.35 : c.Type == "Đặc khu" ? 0.5 : 1.0) * rng.LogNormal(0.35)).ToArray();
            var sum = weights.Sum();
            for (var i = 0; i < own.Count; i++)
            {
                var commune = own[i];
                hosts.Add((share * (1 - AffiliateShare) * weights[i] / sum, budget => BuildCommune(commune, budget)));
            }
        }
        var budgets = Apportion.Split(organizations, hosts.Select(h => h.Weight).ToArray());
        for (var i = 0; i < hosts.Count; i++)
        {
            if (budgets[i] > 0)
                hosts[i].Build(budgets[i]);
        }
    }

    private void BuildCommune(CommuneAnchor commune, int budget)
    {
        var province = provinces[commune.Province];
        var established = commune.Committee.EstablishedOn;
        var villageWords = Demography.VillageWordsOf(province.Region);
        // About four in ten of a commune's organizations are the cells of its villages or residential groups, which
        // the commune committee leads directly; the rest are schools, health stations, agencies and companies.
        var villages = Math.Clamp((int)Math.Round(budget * 0.4 * rng.LogNormal(0.2)), 1, budget);
        for (var v = 1; v <= villages; v++)
        {
            var name = commune.IsUrban
                ? $"Chi bộ {Demography.UrbanWordOf(province.Region)} số {v}"
                : $"Chi bộ {rng.Pick(villageWords)} {VillageName(province.Region, v)}";
            var cell = Add(commune.Committee, "C", Unique(commune.Committee.Id, name), OrganizationKind.Cell,
                established.AddDays(rng.Next(5, 60)), "ĐU", commune.AdministrativeCode);
            AddCell(cell, commune.Province, commune.Index, commune.IsUrban ? CellProfile.Residential : CellProfile.Village);
        }
        var remaining = budget - villages;
        while (remaining > 0)
        {
            var template = rng.Pick(UnitCatalog.Commune);
            var size = remaining < 3 || !template.CanBeCommittee || (template.CanBeCell && rng.Chance(0.35))
                ? 1
                : Math.Min(remaining, rng.Next(3, 11));
            if (size == 1 && !template.CanBeCell)
                continue;
            var unitName = Fill(template.Name, commune.Name, commune.InName, province);
            BuildUnit(commune.Committee, template, unitName, size, commune.Province, commune.Index, established, "ĐU", commune.AdministrativeCode);
            remaining -= size;
        }
    }

    private void BuildProvincialAffiliates(Anchor province, int provinceIndex, int budget)
    {
        var profile = provinces[provinceIndex];
        var affiliates = UnitCatalog.ProvincialAffiliates.Where(a => profile.HasBorderGuard || !a.Name.Contains("Biên phòng")).ToArray();
        // A small budget makes fewer affiliate committees: each needs at least a few units to be worth one.
        var count = Math.Clamp(budget / 6, 1, affiliates.Length);
        var chosen = affiliates.OrderByDescending(a => a.Weight).Take(count).ToArray();
        var budgets = Apportion.Split(budget - count, chosen.Select(a => a.Weight).ToArray());
        for (var i = 0; i < chosen.Length; i++)
        {
            var (name, _, units) = chosen[i];
            var affiliate = Add(province, "K", Fill(name, profile.Name, profile.InName, profile), OrganizationKind.ProvincialAffiliateCommittee,
                province.EstablishedOn.AddDays(rng.Next(0, 15)), "TU", profile.Code);
            FillWithUnits(affiliate, units, budgets[i], provinceIndex, "ĐU", profile.Code);
        }
    }

    private void BuildCentral(Anchor body, int budget, string[] affiliates, UnitTemplate[] units)
    {
        if (affiliates.Length == 0)
        {
            FillWithUnits(body, units, budget, province: -1, "ĐU", null);
            return;
        }
        var count = Math.Clamp(budget / 8, 1, affiliates.Length);
        var budgets = Apportion.Split(budget - count, Enumerable.Range(0, count).Select(_ => rng.LogNormal(0.4)).ToArray());
        for (var i = 0; i < count; i++)
        {
            var affiliate = Add(body, "K", affiliates[i], OrganizationKind.ProvincialAffiliateCommittee,
                body.EstablishedOn.AddDays(rng.Next(0, 20)), "ĐU", null);
            FillWithUnits(affiliate, units, budgets[i], province: -1, "ĐU", null);
        }
    }

    /// <summary>Grassroots committees and grassroots cells under a committee, until its budget is used.</summary>
    private void FillWithUnits(Anchor parent, UnitTemplate[] units, int budget, int province, string issuer, string? adminUnit)
    {
        var remaining = budget;
        var profile = province >= 0 ? provinces[province] : null;
        while (remaining > 0)
        {
            var template = rng.Pick(units);
            var size = !template.CanBeCommittee || remaining < 3 || (template.CanBeCell && rng.Chance(0.3))
                ? 1
                : Math.Min(remaining, rng.Next(3, 16));
            if (size == 1 && !template.CanBeCell)
            {
                if (remaining < 2)
                    template = units.FirstOrDefault(u => u.CanBeCell) ?? template;
                else
                    size = Math.Min(remaining, 3);
            }
            var place = profile?.Name ?? rng.Pick(provinces).Name;
            var name = Fill(template.Name, place, profile?.InName ?? "", profile ?? rng.Pick(provinces));
            BuildUnit(parent, template, name, size, province, -1, parent.EstablishedOn, issuer, adminUnit);
            remaining -= size;
        }
    }

    /// <summary>One grassroots unit: a chi bộ cơ sở (size 1) or a đảng bộ cơ sở with size − 1 organizations under it.</summary>
    private void BuildUnit(Anchor parent, UnitTemplate template, string unitName, int size, int province, int commune,
        DateOnly parentEstablished, string issuer, string? adminUnit)
    {
        var established = parentEstablished.AddDays(rng.Next(5, 60));
        if (size == 1 || !template.CanBeCommittee)
        {
            var cell = Add(parent, "B", Unique(parent.Id, "Chi bộ " + unitName), OrganizationKind.GrassrootsCell, established, issuer, adminUnit);
            AddCell(cell, province, commune, template.Profile);
            return;
        }
        var committee = Add(parent, "D", Unique(parent.Id, "Đảng bộ " + unitName), OrganizationKind.GrassrootsCommittee, established, issuer, adminUnit);
        var remaining = size - 1;
        var cellNumber = 0;
        if (template.SubCommittees.Length > 0 && remaining >= 5 && rng.Chance(0.5))
        {
            var subCount = remaining >= 10 ? 2 : 1;
            for (var s = 1; s <= subCount && remaining >= 3; s++)
            {
                var subName = "Đảng bộ bộ phận " + template.SubCommittees[rng.Next(template.SubCommittees.Length)].Replace("{n}", s.ToString());
                var sub = Add(committee, "P", Unique(committee.Id, subName), OrganizationKind.SubCommittee,
                    established.AddDays(rng.Next(1, 20)), "ĐU", adminUnit);
                remaining--;
                var subCells = Math.Min(remaining, rng.Next(2, 6));
                for (var c = 1; c <= subCells; c++)
                    AddChildCell(sub, template, c, province, commune, adminUnit);
                remaining -= subCells;
            }
        }
        while (remaining > 0)
        {
            cellNumber++;
            AddChildCell(committee, template, cellNumber, province, commune, adminUnit);
            remaining--;
        }
    }

    private void AddChildCell(Anchor parent, UnitTemplate template, int number, int province, int commune, string? adminUnit)
    {
        var pattern = template.Cells[number <= template.Cells.Length && rng.Chance(0.7) ? number - 1 : rng.Next(template.Cells.Length)];
        var name = Unique(parent.Id, "Chi bộ " + pattern.Replace("{n}", number.ToString()));
        var cell = Add(parent, "C", name, OrganizationKind.Cell, parent.EstablishedOn.AddDays(rng.Next(1, 30)), "ĐU", adminUnit);
        AddCell(cell, province, commune, template.Profile);
    }

    private void AddCell(Anchor cell, int province, int commune, CellProfile profile)
    {
        var weight = profile switch
        {
            CellProfile.Village => 1.35,
            CellProfile.Residential => 1.15,
            CellProfile.School => 0.75,
            CellProfile.Health => 0.85,
            CellProfile.Agency => 0.7,
            CellProfile.Enterprise => 0.9,
            _ => 0.85,
        } * rng.LogNormal(0.38);
        if (province < 0)
            province = rng.Next(provinces.Length);
        _cells.Add(new PlannedCell(cell.Id, province, commune, profile, (float)weight));
    }

    private Anchor Add(Anchor parent, string prefix, string name, OrganizationKind kind, DateOnly established, string issuer, string? adminUnit)
    {
        if (!kind.CanBeChildOf(parent.Kind))
            throw new InvalidOperationException($"{kind} cannot stand under {parent.Kind} ({parent.Code})");
        var code = NextCode(parent.Code, prefix);
        var decision = $"{rng.Next(1, 900)}-QĐ/{issuer}";
        var organization = new PlannedOrganization(_nextId++, parent.Id, code, name, kind, established, decision, adminUnit);
        _organizations.Add(organization);
        return new Anchor(organization.Id, code, name, kind, established);
    }

    private string NextCode(string parentCode, string prefix)
    {
        var key = parentCode + "." + prefix;
        while (true)
        {
            var n = _codeUse[key] = _codeUse.GetValueOrDefault(key) + 1;
            var code = prefix == "P" ? $"{key}{n}" : $"{key}{n:000}";
            if (!existingCodes.Contains(code))
                return code;
        }
    }

    /// <summary>Names repeat within a parent only with a number: "Chi bộ Giáo viên 1", "Trường Tiểu học An Bình số 2".</summary>
    private string Unique(long parentId, string name)
    {
        var key = parentId + "|" + name;
        var n = _nameUse[key] = _nameUse.GetValueOrDefault(key) + 1;
        return n == 1 ? name : $"{name} số {n}";
    }

    private string VillageName(Region region, int number)
    {
        if (rng.Chance(0.35))
            return number.ToString();
        return region switch
        {
            Region.NorthWest or Region.NorthEast when rng.Chance(0.6) => rng.Pick(UnitCatalog.MountainVillageNames),
            Region.CentralHighlands or Region.CentralHighlandsNorth when rng.Chance(0.5) => rng.Pick(UnitCatalog.HighlandVillageNames),
            _ => rng.Pick(UnitCatalog.VillageNames),
        };
    }

    private string Fill(string pattern, string place, string inName, ProvinceProfile province)
    {
        if (!pattern.Contains('{'))
            return pattern;
        var text = pattern;
        if (text.Contains("{C}"))
            text = text.Replace("{C}", rng.Pick(UnitCatalog.Companies));
        return text
            .Replace("{P}", place)
            .Replace("{X}", inName)
            .Replace("{T}", province.InName)
            .Replace("{U}", province.CommitteeWord)
            .Replace("{Q}", rng.Pick(provinces).InName)
            .Replace("{H}", rng.Pick(UnitCatalog.Institutes))
            .Replace("{n}", rng.Next(1, 400).ToString());
    }
}
