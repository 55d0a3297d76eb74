package io.trainflow.bench.ai;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.SkillNeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic catalogue and workforce for the AI benchmark: 50 skills, courses spread over them
 * (titles, summaries and tags written from the skill's own terms with varying level and format), and
 * employees with 1 to 4 gaps each. The same seed always gives the same data.
 */
final class SyntheticCatalogue {

    private static final String[][] SKILLS = {
        {"python", "Python programming", "writing Python scripts, functions, packages and tests"},
        {"sql", "SQL", "querying relational databases with joins, aggregation and indexes"},
        {"kubernetes", "Kubernetes", "deploying and operating containers with pods, services and helm"},
        {"security", "Secure coding", "avoiding OWASP risks, threat modelling and secure code review"},
        {"negotiation", "Negotiation", "preparing, conducting and closing commercial negotiations"},
        {"excel", "Spreadsheets", "formulas, pivot tables and charts in Excel"},
        {"leadership", "Team leadership", "leading a team, delegation, feedback and motivation"},
        {"accounting", "Accounting basics", "bookkeeping, balance sheets and profit and loss"},
        {"gdpr", "Data protection", "GDPR obligations, lawful basis and handling personal data"},
        {"cloud", "Cloud architecture", "designing systems on AWS or Azure with managed services"},
        {"java", "Java development", "object-oriented Java, collections, streams and JVM tuning"},
        {"testing", "Software testing", "unit, integration and end-to-end tests and test automation"},
        {"ux", "User experience design", "user research, wireframes and usability testing"},
        {"sales", "Consultative selling", "discovery calls, qualification and closing deals"},
        {"project", "Project management", "planning, scheduling, risk and stakeholder management"},
        {"agile", "Agile practices", "Scrum and Kanban ceremonies, backlogs and retrospectives"},
        {"presentation", "Presenting", "structuring talks and speaking confidently to an audience"},
        {"writing", "Business writing", "clear emails, reports and documentation"},
        {"statistics", "Statistics", "descriptive statistics, hypothesis tests and regression"},
        {"ml", "Machine learning", "training and evaluating classification and regression models"},
        {"networking", "Computer networking", "TCP/IP, routing, DNS and firewalls"},
        {"linux", "Linux administration", "shell, processes, permissions and system services"},
        {"devops", "Continuous delivery", "CI pipelines, build automation and release practices"},
        {"firstaid", "First aid", "emergency first aid, CPR and workplace safety"},
        {"french", "French language", "speaking and writing French at work"},
        {"english", "English language", "business English conversation and writing"},
        {"customer", "Customer service", "handling complaints and keeping customers satisfied"},
        {"finance", "Corporate finance", "budgets, forecasting, cash flow and investment appraisal"},
        {"hr", "People management law", "employment contracts, absence and disciplinary procedures"},
        {"marketing", "Digital marketing", "SEO, campaigns, social media and analytics"},
        {"supply", "Supply chain", "procurement, inventory and logistics planning"},
        {"quality", "Quality management", "ISO 9001, audits and continuous improvement"},
        {"lean", "Lean operations", "value streams, waste reduction and kaizen"},
        {"coaching", "Coaching", "coaching conversations, questioning and active listening"},
        {"conflict", "Conflict resolution", "mediating disagreements and difficult conversations"},
        {"time", "Time management", "prioritising work, planning the week and avoiding overload"},
        {"bi", "Business intelligence", "dashboards, data models and reporting with Power BI"},
        {"api", "API design", "REST and HTTP API design, versioning and documentation"},
        {"frontend", "Front-end development", "HTML, CSS, JavaScript and React"},
        {"mobile", "Mobile development", "building Android and iOS apps"},
        {"data-eng", "Data engineering", "ETL pipelines, data warehouses and Spark"},
        {"architecture", "Software architecture", "modular design, trade-offs and architecture decisions"},
        {"legal", "Contract law", "reading and negotiating commercial contracts"},
        {"safety", "Health and safety", "risk assessment and safe working practices"},
        {"diversity", "Inclusive workplace", "unconscious bias and inclusive behaviour"},
        {"innovation", "Design thinking", "ideation, prototyping and testing ideas with users"},
        {"ethics", "AI ethics", "fairness, transparency and accountability of AI systems"},
        {"cyber", "Security awareness", "phishing, passwords and safe handling of devices"},
        {"c", "C programming", "pointers, memory management and systems programming in C"},
        {"erp", "ERP systems", "working with SAP modules for finance and logistics"}
    };

    private static final String[] LEVEL = {"Introduction to", "Foundations of", "Practical", "Advanced", "Mastering"};
    private static final String[] FORMAT = {
        "workshop", "online course", "bootcamp", "masterclass", "certification track"
    };

    private final List<CourseCandidate> courses = new ArrayList<>();
    private final Map<String, CourseCandidate> byId = new LinkedHashMap<>();
    private final List<String[]> skills = List.of(SKILLS);
    private final long seed;

    SyntheticCatalogue(int courseCount, long seed) {
        this.seed = seed;
        Random random = new Random(seed);
        for (int i = 0; i < courseCount; i++) {
            String[] skill = SKILLS[i % SKILLS.length];
            int variant = i / SKILLS.length;
            String level = LEVEL[(variant + random.nextInt(LEVEL.length)) % LEVEL.length];
            String format = FORMAT[random.nextInt(FORMAT.length)];
            CourseCandidate c = new CourseCandidate(
                    Integer.toString(10_000 + i),
                    level + " " + skill[1] + " (" + format + " " + variant + ")",
                    "A " + format + " on " + skill[2] + ". Edition " + variant + ", " + (1 + random.nextInt(5))
                            + " days.",
                    List.of(skill[0], format.replace(' ', '-')));
            courses.add(c);
            byId.put(c.courseId(), c);
        }
    }

    List<CourseCandidate> courses() {
        return courses;
    }

    CourseCandidate course(String id) {
        return byId.get(id);
    }

    List<String[]> skills() {
        return skills;
    }

    /** Each employee's gaps: 1 to 4 distinct skills, current level below the required one. */
    List<List<SkillNeed>> employees(int count) {
        Random random = new Random(seed + 1);
        List<List<SkillNeed>> out = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            int n = 1 + random.nextInt(4);
            List<SkillNeed> gaps = new ArrayList<>(n);
            java.util.Set<Integer> picked = new java.util.HashSet<>();
            while (gaps.size() < n) {
                int s = random.nextInt(SKILLS.length);
                if (picked.add(s)) {
                    int required = 2 + random.nextInt(4);
                    gaps.add(new SkillNeed(
                            SKILLS[s][0], SKILLS[s][1], SKILLS[s][2], required, random.nextInt(required)));
                }
            }
            out.add(gaps);
        }
        return out;
    }
}
