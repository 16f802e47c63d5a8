/** What other features may use of the orders feature: badges and the account's summary, and the order from a won deal. */
export { AccountOrderSummary, OrderDeliveryBadges, useOrderStatusLabel } from './OrderBadges';
export { CreateOrderFromDeal } from './CreateOrderFromDeal';
