import { logTransaction } from './logTransaction';

export const handleLogIncome = logTransaction('income');
