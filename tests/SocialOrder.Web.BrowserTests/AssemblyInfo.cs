// One portal, one database and one Chromium per test class; run the classes one after another so two cores
// are not shared by several browsers and servers at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
