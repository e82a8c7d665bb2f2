package dev.cwlifecycle.simulator;

import java.util.List;

/** The names and titles seeded members are drawn from: varied, some with accents and apostrophes. */
final class SeedNames {

    static final List<String> FIRST = List.of(
            "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Ashley",
            "José", "María", "François", "Zoë", "Renée", "Björn", "Søren", "Łukasz", "Ægir", "Chloé",
            "Andrés", "Inés", "Jürgen", "Dagný", "Siobhán", "Nuño", "Mónica", "Émile", "Ana", "Kwame",
            "Wei", "Priya", "Hiroshi", "Aisha", "Mateo", "Olga", "Ravi", "Yuki", "Fatima", "Liam",
            "Noah", "Emma", "Olivia", "Ava", "Sophia", "Isabella", "Mia", "Ethan", "Lucas", "Amelia");

    static final List<String> LAST = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Müller", "Núñez", "O'Brien", "García", "Dvořák", "Lefèvre", "Østergaard", "Kowalczyk",
            "Saint-Éxupéry", "Gómez", "Schäfer", "Åberg", "Çelik", "Ó Súilleabháin", "Jørgensen", "Brontë",
            "D'Angelo", "Van der Berg",
            "MacDonald", "Fitzgerald-Montgomery", "Nakamura", "Okonkwo", "Patel", "Kim", "Chen", "Ivanova",
            "Bergström", "Rossi", "Papadopoulos", "Al-Sayed", "Haddad", "Schwarzenegger", "Wojciechowski");

    static final List<String> TITLES = List.of(
            "Service Technician", "Senior Engineer", "Network Engineer", "Help Desk Analyst", "Dispatcher",
            "Account Manager", "Project Manager", "Service Manager", "Controller", "Sales Engineer",
            "Chief Executive Officer", "Security Analyst", "Field Technician", "Office Manager", "Team Lead");

    private SeedNames() {
    }
}
