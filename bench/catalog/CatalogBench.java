import bonbu.component.ComponentStatus;
import bonbu.component.DependencyKind;
import bonbu.component.graph.CatalogGraph;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Effective-status benchmark for a national-scale catalog (11,000 components modelled on Korean
 * government services) against {@link CatalogGraph}.
 *
 * <pre>
 * java -cp target/classes bench/catalog/CatalogBench.java [--seed N] [--warmup N] [--iterations N]
 *      [--budget-seconds N] [--json FILE] [--json-only]
 * </pre>
 */
public class CatalogBench {

    static final int TOTAL = 11_000;
    static final int CERTIFICATES = 887;
    static final int APPLICATIONS = 171;
    static final int REPORTS = 188;
    static final int LOOKUPS = 81;

    static final double TARGET_MS = 50.0;

    // ---------------------------------------------------------------- options

    public static void main(String[] args) throws IOException {
        long seed = 20_251_126L;
        int warmup = 2_000;
        int iterations = 500;
        double budgetSeconds = 15;
        String json = null;
        boolean jsonOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--budget-seconds" -> budgetSeconds = Double.parseDouble(args[++i]);
                case "--json" -> json = args[++i];
                case "--json-only" -> jsonOnly = true;
                case "-h", "--help" -> {
                    System.out.println("usage: java -cp target/classes bench/catalog/CatalogBench.java"
                            + " [--seed N] [--warmup N (2000)] [--iterations N (500)]"
                            + " [--budget-seconds S per case (15)] [--json FILE] [--json-only]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (jsonOnly && json == null) {
            System.err.println("--json-only needs --json FILE");
            System.exit(2);
        }

        long started = System.nanoTime();
        Catalog catalog = Generator.generate(seed);
        printEnvironment(seed, warmup, iterations, budgetSeconds);
        printCatalog(catalog);

        if (json != null) {
            writeJson(catalog, Path.of(json));
            System.out.println("wrote " + json);
        }
        if (jsonOnly) return;

        List<String> keys = catalog.nodes.stream().map(n -> n.key).toList();
        CatalogGraph graph = CatalogGraph.of(keys, catalog.edges);
        Bench bench = new Bench(graph, warmup, iterations, (long) (budgetSeconds * 1e9));

        System.out.println();
        System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s %8s %8s %8s%n",
                "case (times in ms)", "n", "median", "p90", "p99", "max", "changed");
        bench.graphBuild(keys, catalog.edges);
        bench.fullCompute(null, null);
        bench.fullCompute("gpki-auth", ComponentStatus.MAJOR_OUTAGE);
        bench.change("gpki-auth", ComponentStatus.MAJOR_OUTAGE);
        bench.change("gov24", ComponentStatus.MAJOR_OUTAGE);
        bench.change("mois-resident-registry", ComponentStatus.PARTIAL_OUTAGE);
        bench.change(Generator.LEAF_EXAMPLE, ComponentStatus.DEGRADED_PERFORMANCE);

        System.out.println();
        double worstP99 = bench.worstChangeP99;
        System.out.printf(Locale.ROOT, "target: one upstream change < %.0f ms -> worst p99 over the change cases %.3f ms, worst max %.3f ms: %s%n",
                TARGET_MS, worstP99, bench.worstChangeMax, worstP99 < TARGET_MS ? "MET" : "NOT MET");
        System.out.printf(Locale.ROOT, "(checksum %d; total run %.1f s)%n", bench.sink, (System.nanoTime() - started) / 1e9);
    }

    static void printEnvironment(long seed, int warmup, int iterations, double budget) {
        Runtime rt = Runtime.getRuntime();
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        System.out.println("CatalogBench — effective-status computation on a national-scale catalog");
        System.out.printf(Locale.ROOT, "jvm: %s %s (%s), runtime %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                System.getProperty("java.vendor"), Runtime.version());
        System.out.printf(Locale.ROOT, "os: %s %s, %d processors, max heap %d MiB, gc: %s%n",
                System.getProperty("os.name"), System.getProperty("os.arch"), rt.availableProcessors(),
                rt.maxMemory() >> 20, gcs);
        System.out.printf(Locale.ROOT, "seed %d, warm-up %d, measured %d, time budget %.0f s per case%n",
                seed, warmup, iterations, budget);
    }

    static void printCatalog(Catalog c) {
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Node n : c.nodes) byCategory.merge(n.category, 1, Integer::sum);
        long required = c.edges.stream().filter(e -> e.kind() == DependencyKind.REQUIRED).count();
        System.out.printf(Locale.ROOT, "catalog: %d components, %d dependency edges (%d REQUIRED, %d DEGRADES)%n",
                c.nodes.size(), c.edges.size(), required, c.edges.size() - required);
        System.out.println("  " + byCategory.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    }

    // ---------------------------------------------------------------- measurement

    static final class Bench {
        final CatalogGraph graph;
        final int warmup;
        final int iterations;
        final long budgetNanos;
        final ComponentStatus[] own;
        final CatalogGraph.Effective base;
        long sink;
        double worstChangeP99;
        double worstChangeMax;

        Bench(CatalogGraph graph, int warmup, int iterations, long budgetNanos) {
            this.graph = graph;
            this.warmup = warmup;
            this.iterations = iterations;
            this.budgetNanos = budgetNanos;
            this.own = new ComponentStatus[graph.size()];
            Arrays.fill(own, ComponentStatus.OPERATIONAL);
            this.base = graph.compute(own);
        }

        /** CatalogGraph.of: what a structural catalog change or a reload pays. Fewer rounds: it allocates a lot. */
        void graphBuild(List<String> keys, List<CatalogGraph.Edge> edges) {
            int w = Math.max(1, warmup / 20);
            int m = Math.max(1, iterations / 5);
            long deadline = System.nanoTime() + budgetNanos;
            for (int i = 0; i < w && System.nanoTime() < deadline; i++) {
                sink += CatalogGraph.of(keys, edges).size();
            }
            long[] t = new long[m];
            int n = 0;
            for (; n < m && System.nanoTime() < deadline; n++) {
                long t0 = System.nanoTime();
                CatalogGraph g = CatalogGraph.of(keys, edges);
                t[n] = System.nanoTime() - t0;
                sink += g.size();
            }
            row("graph build: CatalogGraph.of (" + w + " warm-up)", t, n, null, m);
        }

        /** Full compute, on the all-operational catalog or with one component already in trouble. */
        void fullCompute(String key, ComponentStatus status) {
            ComponentStatus[] state = own.clone();
            String label = "full compute: all " + own.length + " effective statuses";
            if (key != null) {
                state[graph.indexOf(key).orElseThrow()] = status;
                label = "full compute, " + key + " " + status.value();
            }
            long deadline = System.nanoTime() + budgetNanos;
            for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) {
                sink += graph.compute(state).depth()[i % own.length];
            }
            long[] t = new long[iterations];
            int n = 0;
            for (; n < iterations && System.nanoTime() < deadline; n++) {
                long t0 = System.nanoTime();
                CatalogGraph.Effective e = graph.compute(state);
                t[n] = System.nanoTime() - t0;
                sink += e.status()[n % own.length].ordinal();
            }
            row(label, t, n, null, iterations);
        }

        /** One own-status change and the change back, timed separately, after checking both against compute. */
        void change(String key, ComponentStatus to) {
            int node = graph.indexOf(key).orElseThrow(() -> new IllegalStateException("no component " + key));
            ComponentStatus[] after = own.clone();
            after[node] = to;

            CatalogGraph.Effective expected = graph.compute(after);
            CatalogGraph.Effective changed = graph.recompute(base, after, node);
            CatalogGraph.Effective back = graph.recompute(changed, own, node);
            if (!same(expected, changed) || !same(base, back)) {
                throw new IllegalStateException("recompute disagrees with compute for " + key);
            }
            int count = graph.changes(base, changed).size();

            long deadline = System.nanoTime() + budgetNanos;
            for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) {
                CatalogGraph.Effective e = graph.recompute(base, after, node);
                CatalogGraph.Effective b = graph.recompute(e, own, node);
                sink += e.depth()[node] + b.status()[node].ordinal();
            }
            long[] forward = new long[iterations];
            long[] reverse = new long[iterations];
            int n = 0;
            for (; n < iterations && System.nanoTime() < deadline; n++) {
                long t0 = System.nanoTime();
                CatalogGraph.Effective e = graph.recompute(base, after, node);
                long t1 = System.nanoTime();
                CatalogGraph.Effective b = graph.recompute(e, own, node);
                long t2 = System.nanoTime();
                forward[n] = t1 - t0;
                reverse[n] = t2 - t1;
                sink += e.status()[n % own.length].ordinal() + b.cause()[n % own.length];
            }
            String label = key + " -> " + to.value();
            Stats f = row("recompute " + label, forward, n, count, iterations);
            Stats r = row("recompute back to operational", reverse, n, count, iterations);
            worstChangeP99 = Math.max(worstChangeP99, Math.max(f.p99, r.p99));
            worstChangeMax = Math.max(worstChangeMax, Math.max(f.max, r.max));
        }

        static boolean same(CatalogGraph.Effective a, CatalogGraph.Effective b) {
            return Arrays.equals(a.status(), b.status())
                    && Arrays.equals(a.cause(), b.cause())
                    && Arrays.equals(a.depth(), b.depth());
        }

        Stats row(String label, long[] samples, int n, Integer changed, int wanted) {
            Stats s = Stats.of(samples, n);
            System.out.printf(Locale.ROOT, "%-58s %8d %8.3f %8.3f %8.3f %8.3f %8s%s%n",
                    label, n, s.median, s.p90, s.p99, s.max, changed == null ? "" : changed.toString(),
                    n < wanted ? "  (time budget hit)" : "");
            return s;
        }
    }

    record Stats(double median, double p90, double p99, double max) {
        /** Nearest-rank percentiles of the first {@code n} samples (nanoseconds), in milliseconds. */
        static Stats of(long[] samples, int n) {
            if (n == 0) return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            long[] s = Arrays.copyOf(samples, n);
            Arrays.sort(s);
            return new Stats(rank(s, 0.50), rank(s, 0.90), rank(s, 0.99), s[n - 1] / 1e6);
        }

        static double rank(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    // ---------------------------------------------------------------- catalog model

    record Text(String ko, String en) {}

    static final class Node {
        final String key;
        final Text name;
        final Text group;
        final String kind;
        final int tier;
        final boolean isPublic;
        final String category;

        Node(String key, Text name, Text group, String kind, int tier, boolean isPublic, String category) {
            if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*") || key.length() > 64) {
                throw new IllegalArgumentException("not a valid key: " + key);
            }
            this.key = key;
            this.name = name;
            this.group = group;
            this.kind = kind;
            this.tier = tier;
            this.isPublic = isPublic;
            this.category = category;
        }
    }

    static final class Catalog {
        final List<Node> nodes = new ArrayList<>();
        final List<CatalogGraph.Edge> edges = new ArrayList<>();
        final Map<String, Integer> position = new HashMap<>();
        final Set<String> pairs = new HashSet<>();

        void add(Node n) {
            if (position.put(n.key, nodes.size()) != null) throw new IllegalStateException("duplicate " + n.key);
            nodes.add(n);
        }

        void req(String downstream, String upstream) {
            edge(downstream, upstream, DependencyKind.REQUIRED);
        }

        void deg(String downstream, String upstream) {
            edge(downstream, upstream, DependencyKind.DEGRADES);
        }

        /** Only towards components added earlier, so the catalog is acyclic by construction. */
        void edge(String downstream, String upstream, DependencyKind kind) {
            Integer d = position.get(downstream);
            Integer u = position.get(upstream);
            if (d == null || u == null) throw new IllegalStateException("unknown " + downstream + " / " + upstream);
            if (u >= d) throw new IllegalStateException(downstream + " must not depend on later " + upstream);
            if (pairs.add(downstream + ">" + upstream)) {
                edges.add(new CatalogGraph.Edge(downstream, upstream, kind));
            }
        }
    }

    // ---------------------------------------------------------------- generator

    static final class Generator {
        static final String LEAF_EXAMPLE = "gov24-cert-0001";

        static final String INFRA = "SHARED_INFRASTRUCTURE";
        static final String STAFF = "STAFF_SYSTEM";
        static final String PUBLIC = "PUBLIC_SERVICE";

        static final Text G_NIRS = new Text("국가정보자원관리원 공통기반", "NIRS shared infrastructure");
        static final Text G_AUTH = new Text("인증·전자서명", "Authentication and e-signature");
        static final Text G_COMMON = new Text("범정부 공통서비스", "Government-wide common services");
        static final Text G_PORTAL = new Text("대국민 포털", "Citizen portals");
        static final Text G_MINISTRY = new Text("부처 업무시스템", "Ministry back-office systems");
        static final Text G_LOCAL = new Text("지방자치단체 행정시스템", "Local government systems");
        static final Text G_CERT = new Text("정부24 증명서 발급", "Gov24 certificate issuance");
        static final Text G_APPLY = new Text("정부24 신청", "Gov24 applications");
        static final Text G_REPORT = new Text("정부24 신고", "Gov24 reports");
        static final Text G_LOOKUP = new Text("정부24 조회", "Gov24 look-ups");
        static final Text G_GUIDE = new Text("정부24 서비스 안내", "Gov24 service guidance");

        /** The 17 metropolitan/provincial regions: slug, Korean, English. */
        static final String[][] REGIONS = {
            {"seoul", "서울특별시", "Seoul"},
            {"busan", "부산광역시", "Busan"},
            {"daegu", "대구광역시", "Daegu"},
            {"incheon", "인천광역시", "Incheon"},
            {"gwangju", "광주광역시", "Gwangju"},
            {"daejeon", "대전광역시", "Daejeon"},
            {"ulsan", "울산광역시", "Ulsan"},
            {"sejong", "세종특별자치시", "Sejong"},
            {"gyeonggi", "경기도", "Gyeonggi Province"},
            {"gangwon", "강원특별자치도", "Gangwon State"},
            {"chungbuk", "충청북도", "North Chungcheong Province"},
            {"chungnam", "충청남도", "South Chungcheong Province"},
            {"jeonbuk", "전북특별자치도", "Jeonbuk State"},
            {"jeonnam", "전라남도", "South Jeolla Province"},
            {"gyeongbuk", "경상북도", "North Gyeongsang Province"},
            {"gyeongnam", "경상남도", "South Gyeongsang Province"},
            {"jeju", "제주특별자치도", "Jeju Province"},
        };

        /** Some cities, counties and districts per region (Korean, English); index matches REGIONS. */
        static final String[][][] LOCALITIES = {
            {{"종로구", "Jongno-gu"}, {"중구", "Jung-gu"}, {"용산구", "Yongsan-gu"}, {"성동구", "Seongdong-gu"},
             {"광진구", "Gwangjin-gu"}, {"동대문구", "Dongdaemun-gu"}, {"중랑구", "Jungnang-gu"},
             {"성북구", "Seongbuk-gu"}, {"강북구", "Gangbuk-gu"}, {"도봉구", "Dobong-gu"}, {"노원구", "Nowon-gu"},
             {"은평구", "Eunpyeong-gu"}, {"서대문구", "Seodaemun-gu"}, {"마포구", "Mapo-gu"},
             {"양천구", "Yangcheon-gu"}, {"강서구", "Gangseo-gu"}, {"구로구", "Guro-gu"}, {"금천구", "Geumcheon-gu"},
             {"영등포구", "Yeongdeungpo-gu"}, {"동작구", "Dongjak-gu"}, {"관악구", "Gwanak-gu"},
             {"서초구", "Seocho-gu"}, {"강남구", "Gangnam-gu"}, {"송파구", "Songpa-gu"}, {"강동구", "Gangdong-gu"}},
            {{"해운대구", "Haeundae-gu"}, {"부산진구", "Busanjin-gu"}, {"사하구", "Saha-gu"}, {"동래구", "Dongnae-gu"},
             {"남구", "Nam-gu"}, {"북구", "Buk-gu"}, {"수영구", "Suyeong-gu"}, {"기장군", "Gijang-gun"}},
            {{"수성구", "Suseong-gu"}, {"달서구", "Dalseo-gu"}, {"북구", "Buk-gu"}, {"동구", "Dong-gu"},
             {"달성군", "Dalseong-gun"}},
            {{"남동구", "Namdong-gu"}, {"부평구", "Bupyeong-gu"}, {"연수구", "Yeonsu-gu"}, {"서구", "Seo-gu"},
             {"미추홀구", "Michuhol-gu"}, {"강화군", "Ganghwa-gun"}},
            {{"북구", "Buk-gu"}, {"광산구", "Gwangsan-gu"}, {"서구", "Seo-gu"}, {"남구", "Nam-gu"}},
            {{"유성구", "Yuseong-gu"}, {"서구", "Seo-gu"}, {"중구", "Jung-gu"}, {"대덕구", "Daedeok-gu"}},
            {{"남구", "Nam-gu"}, {"울주군", "Ulju-gun"}, {"중구", "Jung-gu"}},
            {},
            {{"수원시", "Suwon-si"}, {"성남시", "Seongnam-si"}, {"고양시", "Goyang-si"}, {"용인시", "Yongin-si"},
             {"부천시", "Bucheon-si"}, {"안산시", "Ansan-si"}, {"화성시", "Hwaseong-si"}, {"남양주시", "Namyangju-si"},
             {"평택시", "Pyeongtaek-si"}, {"의정부시", "Uijeongbu-si"}, {"파주시", "Paju-si"}, {"김포시", "Gimpo-si"},
             {"시흥시", "Siheung-si"}, {"광명시", "Gwangmyeong-si"}, {"가평군", "Gapyeong-gun"}},
            {{"춘천시", "Chuncheon-si"}, {"원주시", "Wonju-si"}, {"강릉시", "Gangneung-si"}, {"속초시", "Sokcho-si"},
             {"평창군", "Pyeongchang-gun"}},
            {{"청주시", "Cheongju-si"}, {"충주시", "Chungju-si"}, {"제천시", "Jecheon-si"}, {"음성군", "Eumseong-gun"}},
            {{"천안시", "Cheonan-si"}, {"아산시", "Asan-si"}, {"공주시", "Gongju-si"}, {"서산시", "Seosan-si"},
             {"당진시", "Dangjin-si"}},
            {{"전주시", "Jeonju-si"}, {"군산시", "Gunsan-si"}, {"익산시", "Iksan-si"}, {"남원시", "Namwon-si"}},
            {{"목포시", "Mokpo-si"}, {"여수시", "Yeosu-si"}, {"순천시", "Suncheon-si"}, {"나주시", "Naju-si"},
             {"해남군", "Haenam-gun"}},
            {{"포항시", "Pohang-si"}, {"경주시", "Gyeongju-si"}, {"구미시", "Gumi-si"}, {"안동시", "Andong-si"},
             {"경산시", "Gyeongsan-si"}},
            {{"창원시", "Changwon-si"}, {"김해시", "Gimhae-si"}, {"진주시", "Jinju-si"}, {"양산시", "Yangsan-si"},
             {"거제시", "Geoje-si"}, {"통영시", "Tongyeong-si"}},
            {{"제주시", "Jeju-si"}, {"서귀포시", "Seogwipo-si"}},
        };

        /** Ministry back-office systems: key, Korean, English. */
        static final String[][] MINISTRY = {
            {"mois-resident-registry", "주민등록정보시스템", "Resident Registration Information System"},
            {"scourt-family-registry", "가족관계등록 전산정보시스템", "Family Relationship Registration System"},
            {"scourt-real-estate-registry", "부동산등기 전산시스템", "Real Estate Registry System"},
            {"nts-tis", "국세행정시스템", "National Tax Administration System"},
            {"mois-local-tax", "차세대 지방세입정보시스템", "Local Tax Revenue Information System"},
            {"molit-seumteo", "건축행정시스템(세움터)", "Building Administration System (Seumteo)"},
            {"molit-kras", "부동산종합공부시스템(KRAS)", "Korea Real Estate Administration System (KRAS)"},
            {"molit-vehicle-admin", "자동차관리정보시스템", "Vehicle Management Information System"},
            {"molit-land-transaction", "부동산거래관리시스템", "Real Estate Transaction Management System"},
            {"molit-luris", "토지이용규제정보시스템", "Land Use Regulation Information System"},
            {"mohw-haengbok-eum", "사회보장정보시스템(행복이음)", "Social Security Information System (Haengbok-eum)"},
            {"mohw-social-security", "범정부 사회보장정보시스템", "Government-wide Social Security Information System"},
            {"mma-military-admin", "병무행정정보시스템", "Military Manpower Administration System"},
            {"moj-immigration", "출입국관리정보시스템", "Immigration Information System"},
            {"moj-kics", "형사사법정보시스템(KICS)", "Korea Information System of Criminal Justice Services (KICS)"},
            {"mofa-passport", "여권행정정보시스템", "Passport Administration System"},
            {"moel-employment-insurance", "고용보험 전산망", "Employment Insurance System"},
            {"nhis-core", "국민건강보험 자격·부과시스템", "National Health Insurance Eligibility and Billing System"},
            {"nps-core", "국민연금 업무시스템", "National Pension Service Core System"},
            {"moe-neis", "교육행정정보시스템(NEIS)", "National Education Information System (NEIS)"},
            {"knpa-driver-license", "운전면허 행정시스템", "Driver Licence Administration System"},
            {"kcs-unipass", "전자통관시스템(UNI-PASS)", "Customs Clearance System (UNI-PASS)"},
            {"mfds-license", "식의약 인허가 시스템", "Food and Drug Licensing System"},
            {"mafra-agri-business", "농업경영체 등록시스템", "Farm Business Registration System"},
            {"mpva-veterans", "보훈행정정보시스템", "Veterans Administration System"},
            {"kipo-patent", "특허넷", "KIPOnet Patent Administration System"},
            {"mss-sme", "중소기업 확인시스템", "SME Confirmation System"},
            {"me-allbaro", "올바로 폐기물관리시스템", "Allbaro Waste Management System"},
            {"mogef-family", "한부모가족 지원시스템", "Single-parent Family Support System"},
            {"mois-seal-certificate", "인감증명 전산시스템", "Seal Certificate System"},
            {"mois-address", "도로명주소 관리시스템", "Road Name Address Management System"},
            {"mois-onnara", "온-나라 문서관리시스템", "On-nara Document Management System"},
            {"mpm-e-saram", "전자인사관리시스템(e-사람)", "e-Saram Government HR System"},
            {"moef-dbrain", "디지털예산회계시스템(dBrain+)", "Digital Budget and Accounting System (dBrain+)"},
            {"mois-ehojo", "지방재정관리시스템(e호조+)", "Local Finance Management System (e-Hojo+)"},
        };

        /** National certificates: Korean, English, back-office systems. */
        static final String[][] CERT_DOCS = {
            {"주민등록표 등본", "resident registration copy", "mois-resident-registry"},
            {"주민등록표 초본", "resident registration abstract", "mois-resident-registry"},
            {"가족관계증명서", "family relation certificate", "scourt-family-registry"},
            {"기본증명서", "basic certificate", "scourt-family-registry"},
            {"혼인관계증명서", "marriage relation certificate", "scourt-family-registry"},
            {"입양관계증명서", "adoption relation certificate", "scourt-family-registry"},
            {"건축물대장", "building register", "molit-seumteo"},
            {"토지대장", "land register", "molit-kras"},
            {"임야대장", "forest land register", "molit-kras"},
            {"지적도", "cadastral map", "molit-kras"},
            {"토지이용계획확인서", "land use plan confirmation", "molit-luris molit-kras"},
            {"개별공시지가 확인서", "individual land price confirmation", "molit-kras"},
            {"자동차등록원부", "vehicle registration record", "molit-vehicle-admin"},
            {"국세 납세증명서", "national tax payment certificate", "nts-tis"},
            {"소득금액증명", "income amount certificate", "nts-tis"},
            {"사업자등록증명", "business registration certificate", "nts-tis"},
            {"휴업사실증명", "business suspension certificate", "nts-tis"},
            {"폐업사실증명", "business closure certificate", "nts-tis"},
            {"부가가치세 과세표준증명", "VAT tax base certificate", "nts-tis"},
            {"병적증명서", "military service record certificate", "mma-military-admin"},
            {"출입국에 관한 사실증명", "certificate of entry and exit", "moj-immigration"},
            {"외국인등록사실증명", "alien registration certificate", "moj-immigration"},
            {"여권 발급기록 증명", "passport issuance record certificate", "mofa-passport"},
            {"건강보험 자격득실 확인서", "health insurance eligibility certificate", "nhis-core"},
            {"건강보험료 납부확인서", "health insurance premium payment certificate", "nhis-core"},
            {"국민연금 가입증명", "national pension enrolment certificate", "nps-core"},
            {"고용보험 피보험자격 이력내역서", "employment insurance history statement", "moel-employment-insurance"},
            {"졸업증명서", "certificate of graduation", "moe-neis"},
            {"학교생활기록부", "school records", "moe-neis"},
            {"운전경력증명서", "driving record certificate", "knpa-driver-license"},
            {"수출입신고필증", "import-export declaration certificate", "kcs-unipass"},
            {"농업경영체 등록확인서", "farm business registration confirmation", "mafra-agri-business"},
            {"국가유공자 확인원", "national merit recipient confirmation", "mpva-veterans"},
            {"특허등록원부", "patent register", "kipo-patent"},
            {"중소기업 확인서", "SME confirmation", "mss-sme"},
            {"기초생활수급자 증명서", "basic livelihood recipient certificate", "mohw-haengbok-eum mois-resident-registry"},
            {"장애인증명서", "disability certificate", "mohw-haengbok-eum"},
            {"한부모가족 증명서", "single-parent family certificate", "mogef-family mohw-haengbok-eum"},
            {"인감증명 발급사실 확인", "seal certificate issuance confirmation", "mois-seal-certificate"},
            {"부동산거래계약 신고필증", "real estate transaction report certificate", "molit-land-transaction"},
            {"부동산 등기사항증명서", "real estate registry extract", "scourt-real-estate-registry"},
            {"범죄·수사경력 회보서 확인", "criminal record statement confirmation", "moj-kics"},
        };

        static final String[][] CERT_VARIANTS = {
            {"발급", "issuance of %s"},
            {"열람", "viewing of %s"},
            {"영문 발급", "English-language %s"},
            {"제출용 발급", "%s for submission"},
            {"전자문서지갑 발급", "%s to e-document wallet"},
            {"무인민원발급기 발급", "%s at self-service kiosks"},
        };

        /** Certificates issued per local authority: Korean, English, back-office systems. */
        static final String[][] LOCAL_CERT_DOCS = {
            {"지방세 납세증명", "local tax payment certificate", "mois-local-tax"},
            {"지방세 세목별 과세증명", "local tax assessment certificate by item", "mois-local-tax"},
            {"건축물 사용승인 확인", "building use approval confirmation", "molit-seumteo"},
            {"개발행위허가 확인", "development activity permit confirmation", "molit-luris"},
            {"주민등록 전입세대 열람", "resident household viewing", "mois-resident-registry"},
            {"농지취득자격증명", "farmland acquisition qualification certificate", "mafra-agri-business molit-kras"},
        };

        static final String[][] APPLY_BASES = {
            {"주민등록증 재발급", "resident ID card reissue", "mois-resident-registry"},
            {"여권 재발급", "passport reissue", "mofa-passport"},
            {"운전면허증 갱신", "driver licence renewal", "knpa-driver-license"},
            {"기초연금", "basic pension", "mohw-haengbok-eum nps-core"},
            {"아동수당", "child allowance", "mohw-haengbok-eum"},
            {"부모급여", "parental benefit", "mohw-haengbok-eum"},
            {"첫만남이용권", "first-meeting voucher", "mohw-haengbok-eum"},
            {"장애인 활동지원", "disability activity support", "mohw-haengbok-eum"},
            {"긴급복지 지원", "emergency welfare support", "mohw-social-security"},
            {"주거급여", "housing benefit", "mohw-social-security molit-kras"},
            {"국민취업지원제도", "national employment support programme", "moel-employment-insurance"},
            {"실업급여", "unemployment benefit", "moel-employment-insurance"},
            {"건축허가", "building permit", "molit-seumteo"},
            {"개발행위허가", "development activity permit", "molit-luris"},
            {"사업자등록", "business registration", "nts-tis"},
            {"근로장려금", "earned income tax credit", "nts-tis"},
            {"자동차 이전등록", "vehicle transfer registration", "molit-vehicle-admin"},
            {"자동차 말소등록", "vehicle deregistration", "molit-vehicle-admin"},
            {"병역 연기", "military service postponement", "mma-military-admin"},
            {"국외여행 허가", "overseas travel permission", "mma-military-admin"},
            {"체류기간 연장", "stay extension", "moj-immigration"},
            {"국가유공자 등록", "national merit recipient registration", "mpva-veterans"},
            {"공익직불금", "public-interest direct payment", "mafra-agri-business"},
            {"지방세 환급", "local tax refund", "mois-local-tax"},
            {"한부모가족 지원", "single-parent family support", "mogef-family"},
            {"건강보험 피부양자 자격", "health insurance dependant status", "nhis-core"},
            {"국민연금 반환일시금", "national pension lump-sum refund", "nps-core"},
            {"도로명주소 부여", "road name address assignment", "mois-address"},
            {"개인통관고유부호 발급", "personal customs clearance code", "kcs-unipass"},
            {"중소기업 확인", "SME confirmation", "mss-sme"},
            {"폐기물 처리계획 확인", "waste treatment plan confirmation", "me-allbaro"},
        };

        static final String[][] APPLY_ACTIONS = {
            {"신청", "%s application"},
            {"변경 신청", "%s change request"},
            {"신청 취소", "%s application withdrawal"},
            {"보완서류 제출", "%s supplementary documents"},
            {"대리 신청", "%s application by proxy"},
            {"방문 예약", "%s visit booking"},
        };

        /** Reports filed with each region: Korean, English, back-office systems (empty: regional system only). */
        static final String[][] REPORT_BASES = {
            {"전입신고", "moving-in report", "mois-resident-registry"},
            {"출생신고", "birth report", "scourt-family-registry mois-resident-registry"},
            {"사망신고", "death report", "scourt-family-registry"},
            {"혼인신고", "marriage report", "scourt-family-registry"},
            {"식품위생 영업신고", "food business report", "mfds-license"},
            {"통신판매업 신고", "mail-order business report", "nts-tis"},
            {"옥외광고물 표시 신고", "outdoor advertisement report", ""},
            {"부동산 거래 신고", "real estate transaction report", "molit-land-transaction"},
            {"주택임대차 계약 신고", "housing lease report", "molit-land-transaction"},
            {"건축 신고", "building work report", "molit-seumteo"},
            {"폐업 신고", "business closure report", "nts-tis"},
            {"반려동물 등록 신고", "pet registration report", "mafra-agri-business"},
        };

        static final String[][] LOOKUP_BASES = {
            {"국민연금 예상연금액", "expected national pension", "nps-core"},
            {"건강보험료", "health insurance premium", "nhis-core"},
            {"자동차 검사 일정", "vehicle inspection schedule", "molit-vehicle-admin"},
            {"자동차 과태료", "vehicle fines", "molit-vehicle-admin knpa-driver-license"},
            {"부동산 공시가격", "official property prices", "molit-kras"},
            {"지방세 납부내역", "local tax payments", "mois-local-tax"},
            {"국세 환급금", "national tax refund", "nts-tis"},
            {"병역사항", "military service status", "mma-military-admin"},
            {"여권 발급 진행상황", "passport issuance progress", "mofa-passport"},
            {"운전면허 벌점", "driving licence penalty points", "knpa-driver-license"},
            {"복지서비스 수급자격", "welfare eligibility", "mohw-haengbok-eum"},
            {"고용보험 가입이력", "employment insurance record", "moel-employment-insurance"},
            {"출입국 기록", "entry-exit record", "moj-immigration"},
            {"건축물 정보", "building information", "molit-seumteo"},
            {"토지이용규제", "land use regulations", "molit-luris"},
            {"도로명주소", "road name address", "mois-address"},
            {"수입화물 통관 진행", "import cargo clearance progress", "kcs-unipass"},
            {"특허 심사 진행", "patent examination progress", "kipo-patent"},
            {"농업경영체 정보", "farm business information", "mafra-agri-business"},
            {"보훈급여 지급내역", "veterans benefit payments", "mpva-veterans"},
            {"주민등록 발급이력", "resident registration issuance history", "mois-resident-registry"},
            {"인감증명 발급내역", "seal certificate issuance history", "mois-seal-certificate"},
            {"부동산 실거래가", "actual real estate transaction prices", "molit-land-transaction"},
            {"폐기물 인계 현황", "waste handover status", "me-allbaro"},
            {"교육급여 지원내역", "education benefit payments", "moe-neis mohw-haengbok-eum"},
            {"가족관계 등록사항", "family registration details", "scourt-family-registry"},
            {"중소기업 확인 현황", "SME confirmation status", "mss-sme"},
        };

        static final String[][] LOOKUP_VARIANTS = {
            {"조회", "%s look-up"},
            {"이력 조회", "%s history"},
            {"모바일 조회", "%s on mobile"},
        };

        /** Local benefits and guidance pages: Korean, English. */
        static final String[][] GUIDES = {
            {"출산축하금 지원", "Childbirth congratulatory grant"},
            {"산후조리비 지원", "Postnatal care support"},
            {"다자녀 가정 지원", "Large-family support"},
            {"청년 월세 지원", "Youth rent support"},
            {"청년 구직활동 지원", "Youth job-seeking support"},
            {"신혼부부 전세자금 이자 지원", "Newlywed lease-loan interest support"},
            {"어르신 교통비 지원", "Senior transport allowance"},
            {"경로당 운영 지원", "Senior centre support"},
            {"장애인 보조기기 지원", "Assistive device support"},
            {"저소득층 난방비 지원", "Heating support for low-income households"},
            {"에너지바우처", "Energy voucher"},
            {"긴급 생계비 지원", "Emergency living cost support"},
            {"아동 급식 지원", "Child meal support"},
            {"초등 돌봄교실", "Primary after-school care"},
            {"다함께돌봄센터", "Community childcare centres"},
            {"어린이집 입소 안내", "Daycare admission"},
            {"아이돌봄 서비스", "Childminding service"},
            {"한부모가족 양육비 지원", "Single-parent childcare allowance"},
            {"다문화가족 지원", "Multicultural family support"},
            {"북한이탈주민 정착 지원", "Settlement support for North Korean defectors"},
            {"보훈 명예수당", "Veterans' honour allowance"},
            {"소상공인 경영안정자금", "Small-business stabilisation fund"},
            {"전통시장 시설 개선", "Traditional market improvements"},
            {"청년 창업 지원", "Youth start-up support"},
            {"청년농업인 영농정착 지원", "Young farmer settlement support"},
            {"귀농·귀촌 지원", "Return-to-farm support"},
            {"어업인 수당", "Fisher allowance"},
            {"친환경농업 직불금", "Eco-friendly farming payment"},
            {"가축 방역 지원", "Livestock disease-prevention support"},
            {"반려동물 중성화 지원", "Pet neutering support"},
            {"전기자동차 구매 보조금", "Electric vehicle purchase subsidy"},
            {"노후 경유차 조기폐차 지원", "Early scrapping of old diesel vehicles"},
            {"주택 태양광 설치 지원", "Home solar installation support"},
            {"빗물 저장시설 설치 지원", "Rainwater tank support"},
            {"슬레이트 지붕 철거 지원", "Slate roof removal support"},
            {"주택 에너지 효율 개선", "Home energy-efficiency upgrades"},
            {"빈집 정비 지원", "Vacant house clean-up support"},
            {"공공임대주택 입주 안내", "Public rental housing"},
            {"주거환경 개선 지원", "Housing environment improvements"},
            {"재난지원금", "Disaster relief payment"},
            {"풍수해보험 지원", "Storm and flood insurance support"},
            {"자연재난 복구비 지원", "Natural disaster recovery support"},
            {"평생학습 강좌", "Lifelong learning courses"},
            {"공공도서관 이용 안내", "Public libraries"},
            {"문화누리카드", "Culture voucher card"},
            {"공공체육시설 이용 안내", "Public sports facilities"},
            {"청소년 수련시설 이용 안내", "Youth centres"},
            {"대학생 장학금", "University scholarship"},
            {"지역인재 장학금", "Local talent scholarship"},
            {"학자금대출 이자 지원", "Student-loan interest support"},
            {"외국인 주민 생활 안내", "Living guide for foreign residents"},
            {"치매 조기검진", "Early dementia screening"},
            {"국가 암검진", "National cancer screening"},
            {"어르신 예방접종", "Senior vaccinations"},
            {"임산부 영양플러스", "Nutrition Plus for pregnant women"},
            {"난임 시술비 지원", "Fertility treatment support"},
            {"금연클리닉", "Smoking cessation clinic"},
            {"정신건강 상담", "Mental health counselling"},
            {"방문 건강관리", "Home health visits"},
            {"노인 일자리", "Senior jobs"},
            {"장애인 일자리", "Jobs for people with disabilities"},
            {"공공근로 사업", "Public works jobs"},
            {"일자리 박람회", "Job fair"},
            {"직업훈련 지원", "Vocational training support"},
            {"여성 새로일하기 지원", "Women's re-employment support"},
            {"사회적기업 지원", "Social enterprise support"},
            {"마을기업 지원", "Village enterprise support"},
            {"자원봉사 안내", "Volunteering"},
            {"주정차 위반 과태료 안내", "Parking fines"},
            {"공영주차장 이용 안내", "Public car parks"},
            {"대형폐기물 배출 안내", "Bulky waste disposal"},
            {"음식물류 폐기물 종량제", "Food waste charging"},
            {"상수도 요금 감면", "Water rate reduction"},
            {"지방세 감면 안내", "Local tax exemptions"},
            {"민방위 교육 안내", "Civil defence training"},
            {"여권 발급 안내", "Passport issuance guide"},
            {"무인민원발급기 위치 안내", "Self-service kiosk locations"},
            {"출산가정 방문 서비스", "Home visits for new parents"},
            {"저소득층 기저귀·조제분유 지원", "Nappy and formula support for low-income families"},
            {"장애인 콜택시", "Accessible call taxi"},
        };

        /** Infrastructure L4 switches that platform systems sit behind. */
        static final String[] L4 = {
            "nirs-daejeon-l4-a", "nirs-daejeon-l4-b", "nirs-gwangju-l4-a", "nirs-gwangju-l4-b", "nirs-daegu-l4-a",
        };

        static Catalog generate(long seed) {
            Random rnd = new Random(seed);
            Catalog c = new Catalog();
            infrastructure(c);
            platform(c, rnd);
            services(c, rnd);
            if (c.nodes.size() != TOTAL) throw new IllegalStateException("generated " + c.nodes.size());
            Integer leaf = c.position.get(LEAF_EXAMPLE);
            if (leaf == null || c.edges.stream().anyMatch(e -> e.upstream().equals(LEAF_EXAMPLE))) {
                throw new IllegalStateException(LEAF_EXAMPLE + " must exist and be a leaf");
            }
            return c;
        }

        static void infra(Catalog c, String key, String ko, String en, Text group) {
            c.add(new Node(key, new Text(ko, en), group, INFRA, 1, false, "infrastructure"));
        }

        static void infrastructure(Catalog c) {
            String[][] sites = {{"daejeon", "대전", "Daejeon"}, {"gwangju", "광주", "Gwangju"}, {"daegu", "대구", "Daegu"}};
            infra(c, "nirs-network", "국가정보통신망 백본", "National government network backbone", G_NIRS);
            for (String[] s : sites) {
                infra(c, "nirs-" + s[0] + "-dc", "국가정보자원관리원 " + s[1] + "센터 전산실",
                        "NIRS " + s[2] + " data centre facilities", G_NIRS);
                infra(c, "nirs-" + s[0] + "-router", s[1] + "센터 코어 라우터", "NIRS " + s[2] + " core routers", G_NIRS);
                c.req("nirs-" + s[0] + "-router", "nirs-" + s[0] + "-dc");
                c.req("nirs-" + s[0] + "-router", "nirs-network");
            }
            String[][] zones = {{"daejeon", "a"}, {"daejeon", "b"}, {"gwangju", "a"}, {"gwangju", "b"}, {"daegu", "a"}};
            Map<String, String> siteKo = Map.of("daejeon", "대전", "gwangju", "광주", "daegu", "대구");
            Map<String, String> siteEn = Map.of("daejeon", "Daejeon", "gwangju", "Gwangju", "daegu", "Daegu");
            for (String[] z : zones) {
                String net = "nirs-" + z[0] + "-net-" + z[1];
                String zoneUp = z[1].toUpperCase(Locale.ROOT);
                infra(c, net, siteKo.get(z[0]) + "센터 " + zoneUp + "존 네트워크",
                        "NIRS " + siteEn.get(z[0]) + " zone " + zoneUp + " network", G_NIRS);
                c.req(net, "nirs-" + z[0] + "-router");
                infra(c, "nirs-" + z[0] + "-l4-" + z[1], siteKo.get(z[0]) + "센터 " + zoneUp + "존 L4 스위치",
                        "NIRS " + siteEn.get(z[0]) + " zone " + zoneUp + " L4 switches", G_NIRS);
                c.req("nirs-" + z[0] + "-l4-" + z[1], net);
            }
            infra(c, "gov-dns", "정부 DNS", "Government DNS", G_NIRS);
            c.req("gov-dns", "nirs-network");
            infra(c, "gov-anti-ddos", "정부 통합 DDoS 대응", "Government anti-DDoS service", G_NIRS);
            c.req("gov-anti-ddos", "nirs-network");
            infra(c, "gov-cloud", "범정부 클라우드(G-클라우드)", "Government cloud (G-Cloud)", G_NIRS);
            c.req("gov-cloud", "nirs-gwangju-net-a");
            c.deg("gov-cloud", "nirs-daegu-net-a");

            infra(c, "gpki-auth", "행정전자서명(GPKI) 인증", "GPKI sign-in", G_AUTH);
            c.req("gpki-auth", "nirs-daejeon-l4-a");
            c.req("gpki-auth", "gov-dns");
            c.deg("gpki-auth", "nirs-gwangju-l4-a"); // standby site
            infra(c, "gov-sso", "공무원 통합인증(SSO)", "Civil-servant single sign-on", G_AUTH);
            c.req("gov-sso", "gpki-auth");
            infra(c, "simple-auth", "간편인증 중계", "Simple-authentication relay", G_AUTH);
            c.req("simple-auth", "nirs-daejeon-l4-b");
            infra(c, "digital-id", "모바일 신분증 검증", "Mobile ID verification", G_AUTH);
            c.req("digital-id", "nirs-gwangju-l4-a");
            c.deg("digital-id", "gpki-auth");
            infra(c, "gov-timestamp", "전자 타임스탬프", "Trusted time-stamping", G_AUTH);
            c.req("gov-timestamp", "gpki-auth");

            infra(c, "payment-gateway", "전자수납 결제 게이트웨이", "Fee payment gateway", G_COMMON);
            c.req("payment-gateway", "nirs-daejeon-l4-b");
            infra(c, "gov-sms", "행정 문자 발송", "Government SMS gateway", G_COMMON);
            c.req("gov-sms", "nirs-gwangju-l4-b");
            infra(c, "gov-notify", "국민비서 알림", "Citizen notifications (Gukmin Biseo)", G_COMMON);
            c.req("gov-notify", "nirs-gwangju-l4-b");
            c.deg("gov-notify", "gov-sms");
            infra(c, "doc-issuance-engine", "전자증명서 발급 엔진", "Document issuance engine", G_COMMON);
            c.req("doc-issuance-engine", "gpki-auth");
            c.req("doc-issuance-engine", "nirs-daejeon-l4-a");
            c.req("doc-issuance-engine", "gov-timestamp");
            infra(c, "e-doc-hub", "전자문서유통 허브", "Electronic document distribution hub", G_COMMON);
            c.req("e-doc-hub", "gpki-auth");
            c.req("e-doc-hub", "nirs-daegu-l4-a");
            infra(c, "admin-info-sharing", "행정정보 공동이용", "Administrative information sharing", G_COMMON);
            c.req("admin-info-sharing", "gpki-auth");
            c.req("admin-info-sharing", "nirs-daejeon-l4-b");
            infra(c, "gov-api-gateway", "공공 API 게이트웨이", "Public API gateway", G_COMMON);
            c.req("gov-api-gateway", "nirs-daegu-l4-a");
            c.req("gov-api-gateway", "gov-anti-ddos");
        }

        static void platform(Catalog c, Random rnd) {
            c.add(new Node("gov24", new Text("정부24", "Gov24 portal"), G_PORTAL, PUBLIC, 1, true, "platform"));
            c.req("gov24", "gpki-auth");
            c.req("gov24", "nirs-daejeon-l4-a");
            c.req("gov24", "gov-dns");
            c.req("gov24", "gov-anti-ddos");
            c.req("gov24", "simple-auth");
            c.deg("gov24", "digital-id");
            c.deg("gov24", "payment-gateway");
            c.deg("gov24", "gov-notify");
            c.deg("gov24", "gov-cloud");

            for (String[] m : MINISTRY) {
                c.add(new Node(m[0], new Text(m[1], m[2]), G_MINISTRY, STAFF, 2, false, "platform"));
                c.req(m[0], "gov-sso");
                c.req(m[0], L4[rnd.nextInt(L4.length)]);
                if (rnd.nextInt(3) == 0) c.req(m[0], "admin-info-sharing");
                if (rnd.nextInt(4) == 0) c.deg(m[0], "e-doc-hub");
            }
            c.req("mohw-haengbok-eum", "mois-resident-registry");
            c.req("mohw-social-security", "mohw-haengbok-eum");
            c.req("mois-seal-certificate", "mois-resident-registry");
            c.deg("molit-land-transaction", "molit-kras");
            c.deg("mogef-family", "mohw-haengbok-eum");

            String[][] portals = {
                {"hometax", "홈택스", "Hometax", "nts-tis"},
                {"wetax", "위택스", "Wetax", "mois-local-tax"},
                {"iros", "인터넷등기소", "Internet Registry Office", "scourt-real-estate-registry"},
                {"efamily", "전자가족관계등록시스템", "e-Family Registration", "scourt-family-registry"},
                {"bokjiro", "복지로", "Bokjiro welfare portal", "mohw-haengbok-eum"},
            };
            for (String[] p : portals) {
                c.add(new Node(p[0], new Text(p[1], p[2]), G_PORTAL, PUBLIC, 2, true, "platform"));
                c.req(p[0], p[3]);
                c.req(p[0], "gov-dns");
                c.req(p[0], "simple-auth");
                c.deg(p[0], "payment-gateway");
            }

            for (int r = 0; r < REGIONS.length; r++) {
                String[] reg = REGIONS[r];
                Text group = new Text(G_LOCAL.ko() + " (" + reg[1] + ")", G_LOCAL.en() + " (" + reg[2] + ")");
                String l4 = L4[r % L4.length];
                String saeol = "saeol-" + reg[0];
                c.add(new Node(saeol, new Text("새올행정시스템 (" + reg[1] + ")",
                        "Saeol local administration system (" + reg[2] + ")"), group, STAFF, 2, false, "platform"));
                c.req(saeol, "gov-sso");
                c.req(saeol, l4);
                c.req(saeol, "e-doc-hub");
                c.req(saeol, "mois-resident-registry");
                c.deg(saeol, "admin-info-sharing");

                String sido = "sido-admin-" + reg[0];
                c.add(new Node(sido, new Text("시도행정시스템 (" + reg[1] + ")",
                        "Provincial administration system (" + reg[2] + ")"), group, STAFF, 2, false, "platform"));
                c.req(sido, "gov-sso");
                c.req(sido, l4);
                c.req(sido, "e-doc-hub");
                c.deg(sido, "mois-onnara");

                String hr = "insarang-" + reg[0];
                c.add(new Node(hr, new Text("지방인사정보시스템(인사랑) (" + reg[1] + ")",
                        "Local government HR system Insarang (" + reg[2] + ")"), group, STAFF, 3, false, "platform"));
                c.req(hr, "gov-sso");
                c.req(hr, L4[(r + 2) % L4.length]);
                c.deg(hr, "mpm-e-saram");

                String kiosk = "kiosk-" + reg[0];
                c.add(new Node(kiosk, new Text("무인민원발급기 (" + reg[1] + ")",
                        "Self-service document kiosks (" + reg[2] + ")"), group, PUBLIC, 2, true, "platform"));
                c.req(kiosk, "doc-issuance-engine");
                c.req(kiosk, saeol);
                c.deg(kiosk, "payment-gateway");
            }
        }

        record Authority(int region, String ko, String en) {}

        static List<Authority> authorities() {
            List<Authority> list = new ArrayList<>();
            for (int r = 0; r < REGIONS.length; r++) {
                list.add(new Authority(r, REGIONS[r][1], REGIONS[r][2]));
                for (String[] l : LOCALITIES[r]) {
                    list.add(new Authority(r, REGIONS[r][1] + " " + l[0], l[1] + ", " + REGIONS[r][2]));
                }
            }
            return list;
        }

        static String[] systems(String field) {
            return field.isBlank() ? new String[0] : field.split(" ");
        }

        static Text variant(String ko, String en, String[] v) {
            return new Text(ko + " " + v[0], capitalise(String.format(Locale.ROOT, v[1], en)));
        }

        static String capitalise(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        static void services(Catalog c, Random rnd) {
            List<Authority> authorities = authorities();

            // Certificates: national documents in several issuing variants, plus per-authority documents.
            record Cert(Text name, String[] systems, int region) {}
            List<Cert> certs = new ArrayList<>();
            for (String[] d : CERT_DOCS) {
                for (String[] v : CERT_VARIANTS) certs.add(new Cert(variant(d[0], d[1], v), systems(d[2]), -1));
            }
            List<Cert> local = new ArrayList<>();
            for (Authority a : authorities) {
                for (String[] d : LOCAL_CERT_DOCS) {
                    local.add(new Cert(new Text(a.ko() + " " + d[0], capitalise(d[1]) + " — " + a.en()),
                            systems(d[2]), a.region()));
                }
            }
            Collections.shuffle(local, rnd);
            certs.addAll(local.subList(0, CERTIFICATES - certs.size()));
            Collections.shuffle(certs, rnd);
            for (int i = 0; i < CERTIFICATES; i++) {
                Cert cert = certs.get(i);
                String key = String.format(Locale.ROOT, "gov24-cert-%04d", i + 1);
                c.add(new Node(key, cert.name(), G_CERT, PUBLIC, 2, true, "certificate"));
                c.req(key, "gov24");
                c.req(key, "doc-issuance-engine");
                for (String s : cert.systems()) c.req(key, s);
                if (cert.region() >= 0) c.req(key, "saeol-" + REGIONS[cert.region()][0]);
                if (rnd.nextInt(5) == 0) c.deg(key, "payment-gateway");
            }

            // Applications.
            List<String[]> applies = combos(APPLY_BASES, APPLY_ACTIONS, rnd);
            for (int i = 0; i < APPLICATIONS; i++) {
                String[] a = applies.get(i);
                String key = String.format(Locale.ROOT, "gov24-apply-%04d", i + 1);
                c.add(new Node(key, new Text(a[0], a[1]), G_APPLY, PUBLIC, 3, true, "application"));
                c.req(key, "gov24");
                for (String s : systems(a[2])) c.req(key, s);
                if (rnd.nextInt(4) == 0) c.deg(key, "gov-notify");
            }

            // Reports, filed with one of the 17 regions.
            List<String[]> reports = new ArrayList<>();
            for (int r = 0; r < REGIONS.length; r++) {
                for (String[] b : REPORT_BASES) {
                    reports.add(new String[] {REGIONS[r][1] + " " + b[0], capitalise(b[1]) + " — " + REGIONS[r][2],
                            b[2], String.valueOf(r)});
                }
            }
            Collections.shuffle(reports, rnd);
            for (int i = 0; i < REPORTS; i++) {
                String[] rep = reports.get(i);
                int r = Integer.parseInt(rep[3]);
                String key = String.format(Locale.ROOT, "gov24-report-%04d", i + 1);
                c.add(new Node(key, new Text(rep[0], rep[1]), G_REPORT, PUBLIC, 3, true, "report"));
                c.req(key, "gov24");
                for (String s : systems(rep[2])) c.req(key, s);
                c.req(key, "saeol-" + REGIONS[r][0]);
                if (systems(rep[2]).length == 0) c.req(key, "sido-admin-" + REGIONS[r][0]);
            }

            // Look-ups.
            List<String[]> lookups = combos(LOOKUP_BASES, LOOKUP_VARIANTS, rnd);
            for (int i = 0; i < LOOKUPS; i++) {
                String[] l = lookups.get(i);
                String key = String.format(Locale.ROOT, "gov24-lookup-%04d", i + 1);
                c.add(new Node(key, new Text(l[0], l[1]), G_LOOKUP, PUBLIC, 3, true, "look-up"));
                c.req(key, "gov24");
                for (String s : systems(l[2])) c.req(key, s);
                if (rnd.nextInt(10) == 0) c.deg(key, "gov-api-gateway");
            }

            // Guidance pages: whatever is left of the 11,000, one local benefit per authority each.
            int guides = TOTAL - c.nodes.size();
            List<String[]> pages = new ArrayList<>();
            for (Authority a : authorities) {
                for (String[] g : GUIDES) {
                    pages.add(new String[] {a.ko() + " " + g[0], g[1] + " — " + a.en(), String.valueOf(a.region())});
                }
            }
            if (pages.size() < guides) throw new IllegalStateException("only " + pages.size() + " guidance pages");
            Collections.shuffle(pages, rnd);
            for (int i = 0; i < guides; i++) {
                String[] p = pages.get(i);
                String key = String.format(Locale.ROOT, "gov24-guide-%04d", i + 1);
                c.add(new Node(key, new Text(p[0], p[1]), G_GUIDE, PUBLIC, 4, true, "guidance"));
                c.deg(key, "gov24");
                if (rnd.nextInt(20) == 0) c.deg(key, "saeol-" + REGIONS[Integer.parseInt(p[2])][0]);
            }
        }

        /** Every base × variant as {ko, en, systems}, shuffled. */
        static List<String[]> combos(String[][] bases, String[][] variants, Random rnd) {
            List<String[]> list = new ArrayList<>();
            for (String[] b : bases) {
                for (String[] v : variants) {
                    Text t = variant(b[0], b[1], v);
                    list.add(new String[] {t.ko(), t.en(), b[2]});
                }
            }
            Collections.shuffle(list, rnd);
            return list;
        }
    }

    // ---------------------------------------------------------------- JSON

    static void writeJson(Catalog c, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"components\":[\n");
            for (int i = 0; i < c.nodes.size(); i++) {
                Node n = c.nodes.get(i);
                w.write("{\"key\":" + str(n.key)
                        + ",\"name\":" + text(n.name)
                        + ",\"group\":" + text(n.group)
                        + ",\"kind\":" + str(n.kind)
                        + ",\"tier\":" + n.tier
                        + ",\"public\":" + n.isPublic + "}");
                w.write(i + 1 < c.nodes.size() ? ",\n" : "\n");
            }
            w.write("],\"dependencies\":[\n");
            for (int i = 0; i < c.edges.size(); i++) {
                CatalogGraph.Edge e = c.edges.get(i);
                w.write("{\"downstream\":" + str(e.downstream())
                        + ",\"upstream\":" + str(e.upstream())
                        + ",\"kind\":" + str(e.kind().name()) + "}");
                w.write(i + 1 < c.edges.size() ? ",\n" : "\n");
            }
            w.write("]}\n");
        }
    }

    static String text(Text t) {
        return "{\"ko\":" + str(t.ko()) + ",\"en\":" + str(t.en()) + "}";
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
