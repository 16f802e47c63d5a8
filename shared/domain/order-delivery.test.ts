import { describe, expect, it } from 'vitest';
import { orderDelivery } from './order-delivery';

const line = (qtyOrdered: number, qtyDelivered: number) => ({
  id: 'l',
  productId: '',
  sku: '',
  name: '',
  qtyOrdered,
  qtyDelivered,
  unitPrice: 0,
  discountBp: 0,
});

describe('order delivery', () => {
  it('is complete when every line is delivered in full, on time when delivered by the promised date', () => {
    expect(
      orderDelivery({ lines: [line(2, 2), line(1, 1)], promisedDate: '2026-05-10', deliveredDate: '2026-05-09', status: 'delivered' }, '2026-06-01'),
    ).toEqual({ complete: true, onTime: true });
    expect(orderDelivery({ lines: [line(2, 2)], promisedDate: '2026-05-10', deliveredDate: '2026-05-12', status: 'delivered' }, '2026-06-01')).toEqual({
      complete: true,
      onTime: false,
    });
  });

  it('is late once the promised date passed with something missing, undecided before', () => {
    const order = { lines: [line(5, 3)], promisedDate: '2026-05-10', deliveredDate: '', status: 'partially_delivered' as const };
    expect(orderDelivery(order, '2026-05-10')).toEqual({ complete: false, onTime: null });
    expect(orderDelivery(order, '2026-05-11')).toEqual({ complete: false, onTime: false });
  });

  it('has no timeliness without a promise or when cancelled', () => {
    expect(orderDelivery({ lines: [line(1, 0)], promisedDate: '', deliveredDate: '', status: 'confirmed' }, '2026-05-11').onTime).toBeNull();
    expect(orderDelivery({ lines: [line(1, 0)], promisedDate: '2026-01-01', deliveredDate: '', status: 'cancelled' }, '2026-05-11').onTime).toBeNull();
  });
});
