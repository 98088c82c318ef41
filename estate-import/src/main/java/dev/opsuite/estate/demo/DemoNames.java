package dev.opsuite.estate.demo;

import java.util.List;
import java.util.Map;

/** The fixed vocabulary of the demo estate: business domains, their apps, databases and teams. */
final class DemoNames {
    private DemoNames() {}

    static final String SEOUL = "dc1-seoul";
    static final String BUSAN = "dc2-busan";

    /** One service per domain, SVC001.. in this order. */
    static final List<String> DOMAINS = List.of("payment", "order", "checkout", "auth", "user", "catalog", "cart",
            "inventory", "shipping", "notification", "search", "recommendation", "review", "coupon", "billing",
            "settlement", "refund", "fraud", "report", "admin");

    /** Korean service names; each service gets "결제 서비스" and "결제서비스" style aliases. */
    static final Map<String, String> DOMAIN_KO = Map.ofEntries(Map.entry("payment", "결제"), Map.entry("order", "주문"),
            Map.entry("checkout", "구매"), Map.entry("auth", "인증"), Map.entry("user", "회원"),
            Map.entry("catalog", "상품"), Map.entry("cart", "장바구니"), Map.entry("inventory", "재고"),
            Map.entry("shipping", "배송"), Map.entry("notification", "알림"), Map.entry("search", "검색"),
            Map.entry("recommendation", "추천"), Map.entry("review", "리뷰"), Map.entry("coupon", "쿠폰"),
            Map.entry("billing", "청구"), Map.entry("settlement", "정산"), Map.entry("refund", "환불"),
            Map.entry("fraud", "이상거래탐지"), Map.entry("report", "리포트"), Map.entry("admin", "관리자"));

    /** The main app of each domain (same order as DOMAINS); each domain also has "<domain>-worker". */
    static final List<String> PRIMARY_APPS = List.of("payment-api", "order-api", "checkout-api", "auth-service",
            "user-api", "catalog-api", "cart-api", "inventory-api", "shipping-api", "notification-service",
            "search-api", "recommendation-api", "review-api", "coupon-api", "billing-api", "settlement-batch",
            "refund-api", "fraud-detector", "report-batch", "admin-web");

    /** Apps shared by all domains. */
    static final List<String> SHARED_APPS = List.of("web-frontend", "mobile-bff", "api-gateway", "config-server",
            "log-collector", "metrics-exporter", "session-cache", "image-resizer", "email-sender", "sms-sender",
            "push-sender", "pricing-engine", "tax-calculator", "address-validator", "fx-rate-api", "loyalty-api",
            "partner-api", "cms-api", "batch-scheduler", "audit-logger");

    /** DB001.. in this order; DB003 is payment-db (the planted outage). */
    static final List<String> DATABASES = List.of("db-01", "order-db", "payment-db", "user-db", "catalog-db",
            "inventory-db", "shipping-db", "auth-db", "review-db", "coupon-db", "billing-db", "settlement-db",
            "search-db", "notification-db", "report-dw", "fraud-db", "session-redis", "cart-redis", "cache-redis-01",
            "refund-db", "db-02", "db-03", "db-04", "db-05", "admin-db", "audit-db", "recommendation-db",
            "checkout-db", "log-db", "metrics-db");

    static final Map<String, String> DATABASE_ALIASES = Map.of(
            "payment-db", "결제DB|결제 DB|payment database",
            "order-db", "주문DB|주문 DB",
            "user-db", "회원DB",
            "db-01", "메인DB|main db");

    /** Database each domain's apps use. */
    static final Map<String, String> DOMAIN_DB = Map.ofEntries(Map.entry("payment", "payment-db"),
            Map.entry("order", "order-db"), Map.entry("checkout", "checkout-db"), Map.entry("auth", "auth-db"),
            Map.entry("user", "user-db"), Map.entry("catalog", "catalog-db"), Map.entry("cart", "cart-redis"),
            Map.entry("inventory", "inventory-db"), Map.entry("shipping", "shipping-db"),
            Map.entry("notification", "notification-db"), Map.entry("search", "search-db"),
            Map.entry("recommendation", "recommendation-db"), Map.entry("review", "review-db"),
            Map.entry("coupon", "coupon-db"), Map.entry("billing", "billing-db"),
            Map.entry("settlement", "settlement-db"), Map.entry("refund", "refund-db"), Map.entry("fraud", "fraud-db"),
            Map.entry("report", "report-dw"), Map.entry("admin", "admin-db"));

    static String teamOf(String domain) {
        return switch (domain) {
            case "payment", "refund", "settlement", "billing" -> "payment-team";
            case "order", "checkout", "cart", "coupon" -> "commerce-team";
            case "auth", "user", "admin" -> "identity-team";
            case "catalog", "search", "recommendation", "review", "inventory" -> "product-team";
            case "shipping", "notification" -> "fulfillment-team";
            case "fraud", "report" -> "data-team";
            default -> "platform-team";
        };
    }
}
