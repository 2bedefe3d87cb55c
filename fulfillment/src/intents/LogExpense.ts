import { logTransaction } from './logTransaction';

export const handleLogExpense = logTransaction('expense');
